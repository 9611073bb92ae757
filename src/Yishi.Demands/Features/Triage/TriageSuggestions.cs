using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Demands.Domain;
using Yishi.Demands.Features.Access;
using Yishi.Platform.Data;

namespace Yishi.Demands.Features.Triage;

/// <summary>The triage suggestion for a demand: the district's keyword rules, or the built-in ones while it has none.</summary>
public sealed class TriageSuggestions(YishiDbContext db, DemandAccess access)
{
    public async Task<TriageSuggestion> ForTextAsync(string text, CancellationToken ct = default)
    {
        var rules = await db.Set<TriageRule>().AsNoTracking().Select(r => new { r.Keyword, r.Ownership, r.ContentCategory, r.MustDeliberate }).ToListAsync(ct);
        return TriageSuggester.Suggest(text, rules.Count > 0
            ? rules.Select(r => (r.Keyword, r.Ownership, r.ContentCategory, r.MustDeliberate))
            : TriageSuggester.Defaults);
    }

    public async Task<TriageSuggestion> HandleAsync(Guid demandId, CancellationToken ct = default)
        => await ForTextAsync((await access.LoadForViewAsync(demandId, ct)).Description, ct);

    internal static void Map(RouteGroupBuilder api) =>
        api.MapGet("/demands/{id:guid}/triage-suggestion", async (Guid id, TriageSuggestions handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithTags("Demands").WithSummary("Suggested ownership and categories from the district's keyword rules (the cadre decides)");
}
