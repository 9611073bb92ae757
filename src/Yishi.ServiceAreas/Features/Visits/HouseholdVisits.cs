using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.ServiceAreas.Domain;
using Yishi.ServiceAreas.Features.Access;
using NotFound = Yishi.Platform.Rules.NotFound;

namespace Yishi.ServiceAreas.Features.Visits;

public sealed record LogVisitInput(Guid? HouseholdId, DateOnly? VisitedOn, [property: MaxLength(HouseholdVisit.NotesMaxLength)] string? Notes, IReadOnlyList<string>? Suggestions, Guid? TeamMemberId = null);
public sealed record AnswerSuggestionInput([property: Required, MaxLength(VisitSuggestion.AnswerMaxLength)] string? Answer);
public sealed record VisitLogged(Guid Id, IReadOnlyList<Guid> SuggestionIds);
public sealed record VisitDto(Guid Id, Guid HouseholdId, string HouseNumber, string VisitorName, DateOnly VisitedOn, string? Notes, int Suggestions);
public sealed record SuggestionDto(Guid Id, Guid VisitId, string HouseNumber, DateOnly VisitedOn, string Text, string? Answer, DateTime? AnsweredAt, DateTime CreatedAt);

/// <summary>
/// 走访: volunteers (and the organiser and supervisor, who captain the team) log visits to households of the area and
/// the suggestions they collected; the organiser (or supervisor, or a manager) answers each suggestion once.
/// </summary>
public sealed class HouseholdVisits(YishiDbContext db, ServiceAreaManagerNames names, ServiceAreaAccess access, AuditTrail audit, RequestContext request, TimeProvider clock)
{
    public const int MaxSuggestions = 10;

    public async Task<VisitLogged> LogAsync(Guid serviceAreaId, LogVisitInput input, CancellationToken ct = default)
    {
        var householdId = input.HouseholdId ?? throw new InputInvalid("HouseholdId", "Field_Required");
        var visitedOn = input.VisitedOn ?? throw new InputInvalid("VisitedOn", "Field_Required");
        var notes = Check.OptionalText(input.Notes, "Notes", HouseholdVisit.NotesMaxLength);
        var texts = (input.Suggestions ?? []).Select(s => s?.Trim()).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToList();
        if (texts.Count > MaxSuggestions) throw new InputInvalid("Suggestions", "Visit_TooManySuggestions", typeof(ServiceAreaStrings));
        if (texts.Any(s => s.Length > VisitSuggestion.TextMaxLength)) throw new InputInvalid("Suggestions", "Field_TooLong");
        var (area, places) = await access.LoadForViewAsync(serviceAreaId, ct);
        if (places.Member is null && !places.LeadsArea && !places.Manager) throw new Forbidden();
        if (!await access.HouseholdsOf(area.Id).AnyAsync(h => h.Id == householdId, ct))
            throw new InputInvalid("HouseholdId", "Household_NotInArea", typeof(ServiceAreaStrings));

        PersonRef visitor;
        Guid? memberId;
        if (input.TeamMemberId is { } chosen && (places.LeadsArea || places.Manager))
        {
            var member = await db.Set<TeamMember>().FirstOrDefaultAsync(m => m.Id == chosen && m.ServiceAreaId == area.Id, ct)
                ?? throw new InputInvalid("TeamMemberId", "ServiceRequest_NotATeamMember", typeof(ServiceAreaStrings));
            (visitor, memberId) = (member.Person, member.Id);
        }
        else if (places.Member is { } self)
        {
            (visitor, memberId) = (self.Person, self.Id);
        }
        else
        {
            visitor = new PersonRef(request.UserId, null, await names.DisplayNameAsync(ct));
            memberId = null;
        }
        var visit = new HouseholdVisit(area, householdId, visitor, memberId, visitedOn, notes, request.UserId!.Value, LocalDay.Today(clock), clock.GetUtcNow().UtcDateTime);
        var suggestions = texts.Select(t => new VisitSuggestion(visit, t, visit.CreatedAt)).ToList();
        db.Set<HouseholdVisit>().Add(visit);
        db.Set<VisitSuggestion>().AddRange(suggestions);
        audit.Record(area.DistrictId, "household_visit.logged", "household_visit", visit.Id, to: householdId.ToString(), note: $"suggestions:{suggestions.Count}");
        await db.SaveChangesAsync(ct);
        return new VisitLogged(visit.Id, [.. suggestions.Select(s => s.Id)]);
    }

    public async Task AnswerAsync(Guid suggestionId, AnswerSuggestionInput input, CancellationToken ct = default)
    {
        var answer = Check.RequiredText(input.Answer, "Answer", VisitSuggestion.AnswerMaxLength);
        var suggestion = await db.Set<VisitSuggestion>().FirstOrDefaultAsync(s => s.Id == suggestionId, ct) ?? throw new NotFound("suggestion");
        var (area, places) = await access.LoadForViewAsync(suggestion.ServiceAreaId, ct);
        if (!places.LeadsArea && !places.Manager) throw new Forbidden();
        area.EnsureActive();
        suggestion.AnswerWith(answer, request.UserId!.Value, clock.GetUtcNow().UtcDateTime);
        audit.Record(area.DistrictId, "visit_suggestion.answered", "visit_suggestion", suggestion.Id, "open", "answered");
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<VisitDto>> VisitsAsync(Guid serviceAreaId, CancellationToken ct = default)
    {
        var (area, _) = await access.LoadForViewAsync(serviceAreaId, ct);
        var rows = await (from v in db.Set<HouseholdVisit>().AsNoTracking()
                          join h in db.Households on v.HouseholdId equals h.Id
                          where v.ServiceAreaId == area.Id
                          orderby v.VisitedOn descending, v.CreatedAt descending
                          select new { v, h.HouseNumber }).Take(200).ToListAsync(ct);
        var ids = rows.Select(r => r.v.Id).ToList();
        var counts = await db.Set<VisitSuggestion>().Where(s => ids.Contains(s.VisitId)).GroupBy(s => s.VisitId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return [.. rows.Select(r => new VisitDto(r.v.Id, r.v.HouseholdId, r.HouseNumber, r.v.VisitorName, r.v.VisitedOn, r.v.Notes, counts.GetValueOrDefault(r.v.Id)))];
    }

    /// <summary>Suggestions of the area, the open ones (oldest first) or all (newest first).</summary>
    public async Task<IReadOnlyList<SuggestionDto>> SuggestionsAsync(Guid serviceAreaId, bool openOnly, CancellationToken ct = default)
    {
        var (area, _) = await access.LoadForViewAsync(serviceAreaId, ct);
        var q = from s in db.Set<VisitSuggestion>().AsNoTracking()
                join v in db.Set<HouseholdVisit>() on s.VisitId equals v.Id
                join h in db.Households on s.HouseholdId equals h.Id
                where s.ServiceAreaId == area.Id && (!openOnly || s.Answer == null)
                select new { s, v.VisitedOn, h.HouseNumber };
        var rows = openOnly ? await q.OrderBy(x => x.s.CreatedAt).Take(200).ToListAsync(ct) : await q.OrderByDescending(x => x.s.CreatedAt).Take(200).ToListAsync(ct);
        return [.. rows.Select(r => new SuggestionDto(r.s.Id, r.s.VisitId, r.HouseNumber, r.VisitedOn, r.s.Text, r.s.Answer, r.s.AnsweredAt, r.s.CreatedAt))];
    }

    internal static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/service-areas/{id:guid}").WithTags("Service areas");
        g.MapPost("/visits", async Task<Created<VisitLogged>> (Guid id, LogVisitInput input, HouseholdVisits h, CancellationToken ct) =>
        {
            var logged = await h.LogAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/service-areas/{id}/visits/{logged.Id}", logged);
        }).WithSummary("Log a household visit with the suggestions collected");
        g.MapGet("/visits", async (Guid id, HouseholdVisits h, CancellationToken ct) => TypedResults.Ok(await h.VisitsAsync(id, ct))).WithSummary("Visits of a service area");
        g.MapGet("/suggestions", async (Guid id, bool? open, HouseholdVisits h, CancellationToken ct) => TypedResults.Ok(await h.SuggestionsAsync(id, open ?? true, ct)))
            .WithSummary("Suggestions collected on visits (open ones by default)");
        api.MapPost("/suggestions/{id:guid}/answer", async (Guid id, AnswerSuggestionInput input, HouseholdVisits h, CancellationToken ct) => { await h.AnswerAsync(id, input, ct); return TypedResults.NoContent(); })
            .WithTags("Service areas").WithSummary("The organiser answers a suggestion (once)");
    }
}

/// <summary>The signed-in user's display name (for visits logged by the organiser or supervisor themselves).</summary>
public sealed class ServiceAreaManagerNames(YishiDbContext db, RequestContext request)
{
    public async Task<string> DisplayNameAsync(CancellationToken ct)
        => request.UserId is { } me ? await db.Users.Where(u => u.Id == me).Select(u => u.DisplayName).FirstAsync(ct) : "";
}
