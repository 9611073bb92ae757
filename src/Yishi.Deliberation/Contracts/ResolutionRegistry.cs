namespace Yishi.Deliberation.Contracts;

/// <summary>A resolution as other modules may cite it (e.g. the representatives assembly that approved a points list).</summary>
public sealed record ResolutionSummary(Guid Id, string Number, Guid AreaId, string AreaPath, string CouncilKind, string Title, DateTime DecidedAt,
    int MembersTotal, int Present, int For, int Against, int Abstain, bool Passed, string Status);

/// <summary>What other modules may ask about resolutions (within the current district).</summary>
public interface IResolutionRegistry
{
    Task<ResolutionSummary?> FindAsync(Guid resolutionId, CancellationToken ct);

    /// <summary>Passed resolutions placed in the area or its subtree, newest first.</summary>
    Task<IReadOnlyList<ResolutionSummary>> PassedInAreaAsync(string areaPath, CancellationToken ct);
}
