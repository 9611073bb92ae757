using Yishi.Demands.Domain;
using Yishi.Demands.Features.Submit;

namespace Yishi.Demands.Contracts;

/// <summary>Where another module met the demand it forwards (the demand's channel).</summary>
public enum IntakeSource
{
    /// <summary>A service area's organiser reporting opinion (民意反映).</summary>
    ServiceArea,
    /// <summary>Raised at a meeting.</summary>
    Meeting,
    /// <summary>A council patrol.</summary>
    Patrol,
    /// <summary>A work group's service day (Thursday).</summary>
    ServiceDay,
}

public sealed record ForwardedDemand(Guid AreaId, string? Description, string? Location, IntakeSource Source, bool Urgent, string? ContactPhone,
    string? IdempotencyKey = null);

public sealed record ForwardedDemandReceipt(Guid Id, string TrackingCode);

/// <summary>
/// Records a demand met by another module on a resident's behalf, exactly as an official recording it in the Demands
/// module would: same validation (InputInvalid with the Demands module's field names), same scope check
/// (the signed-in user must be allowed to record demands in that area), same deadlines and notifications.
/// </summary>
public interface IDemandIntake
{
    Task<ForwardedDemandReceipt> RecordAsync(ForwardedDemand demand, CancellationToken ct = default);
}

internal sealed class DemandIntake(SubmitDemand submit) : IDemandIntake
{
    public async Task<ForwardedDemandReceipt> RecordAsync(ForwardedDemand demand, CancellationToken ct = default)
    {
        var channel = demand.Source switch
        {
            IntakeSource.ServiceArea => Channel.ServiceArea,
            IntakeSource.Meeting => Channel.Meeting,
            IntakeSource.Patrol => Channel.Patrol,
            IntakeSource.ServiceDay => Channel.ServiceDay,
            _ => throw new ArgumentOutOfRangeException(nameof(demand), demand.Source, null),
        };
        var (result, _) = await submit.HandleAsync(
            new SubmitDemandInput(demand.AreaId, demand.Description, demand.Location, channel, demand.Urgent, demand.ContactPhone),
            demand.IdempotencyKey, "module", ct);
        return new ForwardedDemandReceipt(result.Id, result.TrackingCode);
    }
}
