using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace PortfolioMargin.Cluster.Tests;

/// <summary>
/// Grain storage that outlives any one silo of an in-process cluster, as Redis would: Orleans' memory storage
/// keeps state in grains spread over the silos, so stopping a silo would also lose part of the state. States are
/// stored serialized, so no two activations ever share an object. Each silo gets its own provider with its own
/// serializer (a stopped silo's serializer is disposed with it); the bytes are shared.
/// </summary>
public sealed class ProcessWideGrainStorage(Serializer serializer, ProcessWideGrainStorage.Store store) : IGrainStorage
{
    private readonly ConcurrentDictionary<string, (byte[] Data, string ETag)> _states = store.States;

    public sealed class Store
    {
        public ConcurrentDictionary<string, (byte[] Data, string ETag)> States { get; } = new(StringComparer.Ordinal);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue(Key(stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var next = (serializer.SerializeToArray(grainState.State), Guid.NewGuid().ToString("N"));
        lock (_states)
        {
            var current = _states.TryGetValue(key, out var stored) ? stored.ETag : null;
            if (current != grainState.ETag)
            {
                throw new InconsistentStateException($"ETag mismatch for {key}", current, grainState.ETag);
            }

            _states[key] = next;
        }

        grainState.ETag = next.Item2;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _states.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{grainId}/{stateName}";
}
