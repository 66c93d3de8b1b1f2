using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using PortfolioMargin.Grains.Abstractions;
using PortfolioMargin.Storage.Output;

namespace PortfolioMargin.Silo.Runs;

/// <summary>
/// A digest of what a run computes (market, config, book, a given scenario set, output folder), so a re-submission
/// of the same run id can be told from a different run that reuses the id. File paths and the command line are left
/// out: two clients on two machines submit the same run from different paths. Every field goes in as its bytes
/// (doubles bit for bit), streamed through SHA-256: a 10-million-position book digests in well under a second, and
/// a cold process pays no serializer start-up for it.
/// </summary>
internal static class RunFingerprint
{
    /// <summary>Markets of more underlyings than this digest a mostly-identity correlation by its entries.</summary>
    private const int SparseFrom = 1_024;

    public static string Of(MarginRunRequest request)
    {
        using var digest = new Digest();
        var market = request.Market;
        digest.Add(market.AsOf.UtcTicks).Add(market.Currency).Add(market.Rate).Add(market.Underlyings.Count);
        foreach (var u in market.Underlyings)
        {
            digest.Add(u.Id).Add(u.Spot).Add(u.DividendYield).Add(u.AtmVol).Add(u.Skew).Add(u.Smile).Add(u.VolOfVol).Add(u.SpotVolCorrelation).Add(u.BroadBased ? 1 : 0);
        }

        // A big matrix that is mostly identity (thousands of uncorrelated underlyings: 3.2 GB at 20,000, two seconds
        // of SHA-256) goes in as its entries off the identity; any other row-major, as foreach walks it, in bulk. The
        // size decides, so every market of up to 1,024 underlyings keeps the digest it always had.
        if (market.Underlyings.Count > SparseFrom && Core.Market.CorrelationEntries.Of(market.Correlation) is { } entries)
        {
            digest.Add("correlation-entries").Add(entries.Index.Length);
            digest.Add(MemoryMarshal.Cast<long, double>(entries.Index.AsSpan())).Add(entries.Value);
        }
        else
        {
            digest.Add(MemoryMarshal.CreateReadOnlySpan(
                ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(market.Correlation)), market.Correlation.Length));
        }

        digest.Add(RunRecord.ConfigJson(request.Config).ToJsonString()).Add(request.Positions.Length);
        foreach (var p in request.Positions)
        {
            digest.Add(p.Account).Add((int)p.Type).Add(p.Underlying).Add(p.Quantity).Add(p.Multiplier)
                .Add(p.Strike ?? double.NaN).Add(p.Expiry?.DayNumber ?? -1).Add(p.Right is { } right ? (int)right : -1);
        }

        digest.Add(request.Collateral.Length);
        foreach (var c in request.Collateral)
        {
            digest.Add(c.Account).Add(c.Asset).Add(c.Amount);
        }

        // Only a run that has a set adds it, so a simulated run's fingerprint is what it was before sets existed.
        if (request.Scenarios is { } given)
        {
            digest.Add("scenarios").Add(given.Count).Add(given.Spot.Length);
            digest.Add(given.Spot).Add(given.AtmVol);
        }

        return digest.Add(request.OutputFolder).Finish();
    }

    /// <summary>SHA-256 over length-prefixed fields, fed in 64 KiB blocks.</summary>
    private sealed class Digest : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] _block = new byte[1 << 16];
        private int _used;

        public Digest Add(long value)
        {
            Reserve(sizeof(long));
            BinaryPrimitives.WriteInt64LittleEndian(_block.AsSpan(_used), value);
            _used += sizeof(long);
            return this;
        }

        public Digest Add(int value) => Add((long)value);

        public Digest Add(double value) => Add(BitConverter.DoubleToInt64Bits(value));

        /// <summary>
        /// Each value as <see cref="Add(double)"/> would put it, in order: on a little-endian machine those are the
        /// span's own bytes, hashed where they lie (the digest is the same, as SHA-256 does not see how its input was cut).
        /// </summary>
        public Digest Add(ReadOnlySpan<double> values)
        {
            if (!BitConverter.IsLittleEndian)
            {
                foreach (var value in values)
                {
                    Add(value);
                }

                return this;
            }

            // In slices: a span of bytes counts them in an int, and a 20,000² matrix is 3.2 GB.
            Flush();
            const int Slice = 1 << 24;
            for (var start = 0; start < values.Length; start += Slice)
            {
                _hash.AppendData(MemoryMarshal.AsBytes(values.Slice(start, Math.Min(Slice, values.Length - start))));
            }

            return this;
        }

        public Digest Add(string? text)
        {
            text ??= "";
            Add(text.Length);
            var bytes = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (bytes > _block.Length)
            {
                Flush();
                _hash.AppendData(Encoding.UTF8.GetBytes(text));
                return this;
            }

            Reserve(bytes);
            _used += Encoding.UTF8.GetBytes(text, _block.AsSpan(_used));
            return this;
        }

        public string Finish()
        {
            Flush();
            return Convert.ToHexStringLower(_hash.GetHashAndReset());
        }

        private void Reserve(int bytes)
        {
            if (_used + bytes > _block.Length)
            {
                Flush();
            }
        }

        private void Flush()
        {
            _hash.AppendData(_block, 0, _used);
            _used = 0;
        }

        public void Dispose() => _hash.Dispose();
    }
}
