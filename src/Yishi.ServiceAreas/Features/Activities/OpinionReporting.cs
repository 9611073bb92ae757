using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Contracts;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.ServiceAreas.Domain;

namespace Yishi.ServiceAreas.Features.Activities;

/// <summary>
/// 民意反映: what residents told the service area becomes a demand (channel "service area") through the Demands
/// module's contract, with its validation and scope check (the organiser must be allowed to record demands there).
/// The demand is placed in the service area's first group (where the organiser's role usually is), else its community.
/// </summary>
public sealed class OpinionReporting(IDemandIntake intake, YishiDbContext db)
{
    public async Task<(Guid Id, string TrackingCode)> FileAsync(ServiceArea area, string description, string? location, bool urgent, string? contactPhone, CancellationToken ct)
    {
        var groups = await (from g in db.Set<ServiceAreaGroup>()
                            where g.ServiceAreaId == area.Id
                            select new { g.AreaId, g.AreaPath }).ToListAsync(ct);
        var placeId = groups.OrderBy(g => g.AreaPath, StringComparer.Ordinal).Select(g => (Guid?)g.AreaId).FirstOrDefault() ?? area.AreaId;
        try
        {
            var receipt = await intake.RecordAsync(new ForwardedDemand(placeId, description, location, IntakeSource.ServiceArea, urgent, contactPhone), ct);
            return (receipt.Id, receipt.TrackingCode);
        }
        catch (InputInvalid ex)
        {
            // The demand's description is this activity's notes.
            throw new InputInvalid(ex.Fields.ToDictionary(f => f.Key == "Description" ? "Notes" : f.Key, f => f.Value), ex.Resource);
        }
        catch (NotFound)
        {
            // Outside the recorder's scope in the Demands module: the area itself is visible here, so say "not allowed".
            throw new Forbidden();
        }
    }
}
