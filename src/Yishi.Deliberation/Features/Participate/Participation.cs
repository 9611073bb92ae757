using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yishi.Deliberation.Domain;
using Yishi.Deliberation.Features.Access;
using Yishi.Platform.Data;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Deliberation.Features.Participate;

public sealed record CouncilOption(Guid Id, string Name, CouncilKind Kind);

public sealed record ReviewTopic(Guid Id, string Title, string CouncilName, DateTime? ReviewEndsAt, int Comments);

public sealed record ParticipationView(IReadOnlyList<CouncilOption> Councils, IReadOnlyList<ReviewTopic> UnderReview);

/// <summary>参与议事: what a resident (or anyone holding a role in an area) can take part in — topics under review to comment on, and the councils to raise a topic with.</summary>
public sealed class Participation(YishiDbContext db, AccessScope scope)
{
    public async Task<ParticipationView> GetAsync(CancellationToken ct = default)
    {
        if (!scope.IsSignedIn) throw new Forbidden();
        var held = (await scope.HeldRolesAsync(ct)).Where(h => DeliberationRoles.CanComment(h.Role)).Select(h => h.AreaPath).Distinct().ToList();
        if (held.Count == 0) return new([], []);
        // Councils of the areas the caller lives in, and above them (a group's resident belongs to the community's councils).
        var ancestors = held.SelectMany(p =>
        {
            var segments = p.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return Enumerable.Range(1, segments.Length).Select(i => "/" + string.Join('/', segments.Take(i)) + "/");
        }).Distinct().ToList();
        var councils = await db.Set<Council>().AsNoTracking().Where(c => !c.Archived && ancestors.Contains(c.AreaPath))
            .OrderBy(c => c.AreaPath).ThenBy(c => c.Kind).Take(50).Select(c => new CouncilOption(c.Id, c.Name, c.Kind)).ToListAsync(ct);
        var councilIds = councils.Select(c => c.Id).ToList();
        var names = councils.ToDictionary(c => c.Id, c => c.Name);
        var topics = await db.Set<Topic>().AsNoTracking().Where(t => t.Stage == TopicStage.Review && councilIds.Contains(t.CouncilId))
            .OrderByDescending(t => t.StageChangedAt).Take(50).Select(t => new { t.Id, t.Title, t.CouncilId, t.ReviewEndsAt }).ToListAsync(ct);
        var ids = topics.Select(t => t.Id).ToList();
        var counts = await db.Set<TopicComment>().Where(c => ids.Contains(c.TopicId)).GroupBy(c => c.TopicId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new(councils, topics.Select(t => new ReviewTopic(t.Id, t.Title, names[t.CouncilId], t.ReviewEndsAt, counts.GetValueOrDefault(t.Id))).ToList());
    }

    internal static void Map(RouteGroupBuilder api)
        => api.MapGet("/deliberation/participate", async (Participation h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(ct)))
            .WithTags("Deliberation").WithSummary("Topics under review in the caller's areas (to comment on) and the councils the caller may raise a topic with");
}
