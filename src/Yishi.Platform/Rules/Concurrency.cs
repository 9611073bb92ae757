using Yishi.Platform.Data;

namespace Yishi.Platform.Rules;

public static class Concurrency
{
    /// <summary>The client edited version <paramref name="expected"/>; someone else saved since → 409.</summary>
    public static void Expect(IVersioned entity, int expected)
    {
        if (entity.Version != expected) throw new RuleViolation("concurrency", "Concurrency_Conflict");
    }
}
