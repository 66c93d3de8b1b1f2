using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PortfolioMargin.Benchmarks.BackendBenchmarks).Assembly).Run(args);
