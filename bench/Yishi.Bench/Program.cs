using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Yishi.Platform.Areas.Domain;

namespace Yishi.Bench;

/// <summary>Benchmarks measure; tests never assert wall-clock time. Run: dotnet run -c Release --project bench/Yishi.Bench</summary>
public static class BenchRunner
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchRunner).Assembly).Run(args);
}

/// <summary>Subtree checks are prefix matches on materialised paths; this keeps an eye on their cost.</summary>
[MemoryDiagnoser]
public class AreaPathBench
{
    private readonly Area _district = Area.NewDistrict("区", DateTime.UtcNow);
    private Area _group = null!;

    [GlobalSetup]
    public void Setup() => _group = _district.NewChild("街道", DateTime.UtcNow).NewChild("社区", DateTime.UtcNow).NewChild("网格", DateTime.UtcNow);

    [Benchmark]
    public bool SubtreeContains() => _district.Contains(_group);
}
