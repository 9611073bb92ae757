using Yishi.ServiceAreas.Domain;

namespace Yishi.ServiceAreas.Features.Activities;

/// <summary>民意反映: what residents told the service area becomes a demand at its community, through the Demands module's contract.</summary>
public sealed class OpinionReporting
{
    public Task<(Guid Id, string TrackingCode)> FileAsync(ServiceArea area, string description, string? location, bool urgent, string? contactPhone, CancellationToken ct)
        => throw new NotSupportedException("waiting for the Demands intake contract");
}
