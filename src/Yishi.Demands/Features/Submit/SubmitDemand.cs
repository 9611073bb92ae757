using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Demands.Features.Submit;

/// <summary>
/// A demand as submitted. Residents (signed in or not) use channel Web; officials record demands on a
/// resident's behalf with the channel it came through (hotline, visit, mailbox letter …).
/// </summary>
public sealed record SubmitDemandInput(
    Guid AreaId,
    [property: Required, MaxLength(Demand.DescriptionMaxLength)] string? Description,
    [property: MaxLength(Demand.LocationMaxLength)] string? Location,
    Channel? Channel,
    bool Urgent,
    string? ContactPhone);

public sealed record DemandSubmitted(Guid Id, string TrackingCode, DemandStatus Status, string TrackUrl);

public sealed class SubmitDemand(YishiDbContext db, RequestContext request, AccessScope scope, Sequences sequences, DemandWorkflow workflow)
{
    public async Task<(DemandSubmitted Result, bool Replayed)> HandleAsync(SubmitDemandInput input, string? idempotencyKey, string clientScope, CancellationToken ct = default)
    {
        var description = Check.RequiredText(input.Description, "Description", Demand.DescriptionMaxLength);
        if (description.Length < 5) throw new InputInvalid("Description", "Demand_DescriptionTooShort", typeof(DemandStrings));
        var location = Check.OptionalText(input.Location, "Location", Demand.LocationMaxLength);
        var phone = Check.OptionalPhone(input.ContactPhone, "ContactPhone");
        var channel = input.Channel ?? Channel.Web;
        if (!Enum.IsDefined(channel)) throw new InputInvalid("Channel", "Demand_ChannelUnknown", typeof(DemandStrings));
        var key = idempotencyKey?.Trim();
        if (key is { Length: > 100 } or { Length: 0 }) throw new InputInvalid("Idempotency-Key", "Demand_IdempotencyKeyInvalid", typeof(DemandStrings));

        // The area decides the district; anonymous residents may pick any active community or group.
        var area = await db.Areas.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.AreaId, ct);
        if (area is null || area.IsRetired || area.Level < AreaLevel.Community) throw new InputInvalid("AreaId", "Demand_AreaInvalid", typeof(DemandStrings));
        if (request.DistrictId is { } district && district != area.DistrictId) throw new InputInvalid("AreaId", "Demand_AreaInvalid", typeof(DemandStrings));

        var recordedOnBehalf = channel != Channel.Web;
        if (recordedOnBehalf)
        {
            if (!scope.IsSignedIn) throw new InputInvalid("Channel", "Demand_ChannelNeedsOfficial", typeof(DemandStrings));
            await scope.RequireAsync(area.Path, DemandRoles.CanRecord, "area", ct);
        }

        var hash = Hash(area.Id, description, location, channel, input.Urgent, phone);
        var idemScope = request.UserId?.ToString() ?? clientScope;
        if (key is not null && await ReplayAsync(idemScope, key, hash, ct) is { } replay) return (replay, true);

        var seq = await sequences.NextAsync(area.DistrictId, $"demand:{workflow.LocalToday:yyyyMMdd}", ct);
        var code = TrackingCode.Create(workflow.LocalToday, seq);
        var councilRecorder = recordedOnBehalf && channel is Channel.SuggestionBox or Channel.Patrol or Channel.Meeting
            && await scope.CanAsync(area.Path, r => r == Platform.Accounts.Domain.Role.CouncilMember, ct);
        var demand = new Demand(area.DistrictId, area.Id, area.Path, code, description, location, channel, input.Urgent, phone,
            recordedOnBehalf ? null : request.UserId, recordedOnBehalf ? request.UserId : null,
            councilRecorder ? HandlingLevel.Council : HandlingLevel.Community, workflow.Now);
        demand.AcknowledgeDueAt = await workflow.AcknowledgeDueAsync(demand, ct);
        db.Set<Demand>().Add(demand);
        if (key is not null) db.Set<IdempotentSubmission>().Add(new IdempotentSubmission(idemScope, key, hash, area.DistrictId, demand.Id, workflow.Now));
        workflow.Arm(demand);
        workflow.RecordNote(demand, "demand.submitted", $"{channel}{(input.Urgent ? " urgent" : "")}");
        await workflow.NotifyLevelAsync(demand, DemandWorkflow.Text("Notify_Submitted", code), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // A concurrent retry with the same key won the race: return what it created.
            db.ChangeTracker.Clear();
            if (await ReplayAsync(idemScope, key, hash, ct) is { } winner) return (winner, true);
            throw;
        }
        return (Result(demand), false);
    }

    private async Task<DemandSubmitted?> ReplayAsync(string idemScope, string key, string hash, CancellationToken ct)
    {
        var previous = await db.Set<IdempotentSubmission>().AsNoTracking().FirstOrDefaultAsync(i => i.Scope == idemScope && i.Key == key, ct);
        if (previous is null) return null;
        if (previous.RequestHash != hash) throw new RuleViolation("demand.idempotency_key_reused", "Demand_IdempotencyKeyReused", "Idempotency-Key", typeof(DemandStrings), 422);
        var demand = await db.Set<Demand>().IgnoreQueryFilters().AsNoTracking().FirstAsync(d => d.Id == previous.DemandId && d.DistrictId == previous.DistrictId, ct);
        return Result(demand);
    }

    private static DemandSubmitted Result(Demand d) => new(d.Id, d.TrackingCode, d.Status, $"/track/{d.TrackingCode}");

    private static string Hash(Guid area, string description, string? location, Channel channel, bool urgent, string? phone)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{area}\u001f{description}\u001f{location}\u001f{channel}\u001f{urgent}\u001f{phone}")));

    internal static void Map(RouteGroupBuilder publicApi) =>
        publicApi.MapPost("/demands", async (SubmitDemandInput input, HttpContext http, SubmitDemand handler, CancellationToken ct) =>
            {
                var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
                var (result, replayed) = await handler.HandleAsync(input, key, $"anonymous:{http.Connection.RemoteIpAddress}", ct);
                if (replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
                return TypedResults.Created($"/api/v1/demands/track/{result.TrackingCode}", result);
            })
            .WithTags("Demands")
            .WithSummary("Submit a demand (residents, signed in or not) or record one on a resident's behalf (officials, with its channel)")
            .WithDescription("Send an Idempotency-Key header to make retries safe: a retry with the same key and body returns the first result (header Idempotent-Replayed: true) and never creates a second demand; the same key with a different body is a 422.");
}
