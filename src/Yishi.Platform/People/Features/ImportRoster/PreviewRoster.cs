using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yishi.Platform.Accounts.Domain;
using Yishi.Platform.Areas.Domain;
using Yishi.Platform.Audit;
using Yishi.Platform.Data;
using Yishi.Platform.People.Domain;
using Yishi.Platform.Rules;
using Yishi.Platform.Security;

namespace Yishi.Platform.People.Features.ImportRoster;

public sealed record RosterRowDto(int Row, string Group, string HouseNumber, string Head, IReadOnlyList<string> Members, string Phone, bool Ok, IReadOnlyList<string> Errors);

public sealed record RosterImportDto(Guid Id, Guid CommunityId, string CommunityName, string FileName, RosterImportStatus Status,
    int RowCount, int ErrorCount, int HouseholdCount, int ResidentCount, DateTime CreatedAt, int Version, IReadOnlyList<RosterRowDto> Rows);

/// <summary>A parsed row as stored in <see cref="RosterImport.RowsJson"/>: values, the matched group and error message keys.</summary>
internal sealed record StoredRow(int Row, string Group, string HouseNumber, string Head, List<string> Members, string Phone, Guid? GroupId, List<StoredError> Errors);

internal sealed record StoredError(string Key, string[] Args);

/// <summary>
/// Step 1 of a roster import: reads the uploaded .xlsx, checks every row against the community's groups and
/// registered households, and stores the result. Nothing is created until <see cref="CommitRoster"/>.
/// </summary>
public sealed class PreviewRoster(YishiDbContext db, AccessScope scope, AuditTrail audit, TimeProvider clock, IStringLocalizer<PeopleStrings> text)
{
    private static readonly char[] MemberSeparators = ['、', ',', '，', ';', '；'];
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<RosterImportDto> HandleAsync(Guid communityId, IFormFile? file, CancellationToken ct = default)
    {
        var community = await scope.RequireAreaAsync(communityId, Permission.ManageHouseholds, ct);
        if (community.Level != AreaLevel.Community) throw new RuleViolation("roster.not_community", "Roster_NotCommunity", "communityId", typeof(PeopleStrings), 422);
        if (community.IsRetired) throw new RuleViolation("area.retired", "Area_Retired", "communityId");
        if (file is null) throw new InputInvalid("file", "Roster_FileRequired", typeof(PeopleStrings));
        if (file.Length > RosterFile.MaxBytes) throw RosterFile.TooLarge();
        if (file.Length == 0) throw RosterFile.WrongFormat();

        using var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, ct);
        var cells = RosterFile.Read(content);
        var rows = await CheckAsync(community, cells, ct);

        var errorCount = rows.Count(r => r.Errors.Count > 0);
        var import = new RosterImport(community.DistrictId, community.Id, community.Path, scope.UserId, clock.GetUtcNow().UtcDateTime,
            Path.GetFileName(file.FileName ?? ""), rows.Count, errorCount, JsonSerializer.Serialize(rows, Json));
        db.RosterImports.Add(import);
        audit.Record(community.DistrictId, "roster.previewed", "roster_import", import.Id, to: $"rows:{rows.Count},errors:{errorCount}",
            note: $"community:{community.Id:N}");
        await db.SaveChangesAsync(ct);
        return ToDto(import, community.Name, rows, text);
    }

    private async Task<List<StoredRow>> CheckAsync(Area community, IReadOnlyList<RosterCells> cells, CancellationToken ct)
    {
        var groups = await db.Areas.AsNoTracking()
            .Where(a => a.ParentId == community.Id && a.Level == AreaLevel.Group && a.RetiredAt == null)
            .ToListAsync(ct);
        var groupByName = groups.GroupBy(g => g.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var numbers = cells.Select(c => c.HouseNumber).Where(n => n.Length is > 0 and <= Household.HouseNumberMaxLength).Distinct().ToList();
        var registered = await RegisteredAsync(db, community.Path, numbers, ct);

        var firstRowOf = new Dictionary<(Guid, string), int>();
        var rows = new List<StoredRow>(cells.Count);
        foreach (var c in cells)
        {
            var errors = new List<StoredError>();
            void Error(string key, params string[] args) => errors.Add(new StoredError(key, args));

            Guid? groupId = null;
            if (c.Group.Length == 0) Error("Roster_GroupRequired");
            else if (groupByName.TryGetValue(c.Group, out var group)) groupId = group.Id;
            else Error("Roster_GroupUnknown", c.Group);

            var numberOk = false;
            if (c.HouseNumber.Length == 0) Error("Roster_HouseNumberRequired");
            else if (c.HouseNumber.Length > Household.HouseNumberMaxLength) Error("Roster_HouseNumberTooLong", Household.HouseNumberMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
            else numberOk = true;

            if (c.Head.Length == 0) Error("Roster_HeadRequired");
            else if (c.Head.Length > Resident.NameMaxLength) Error("Roster_NameTooLong", c.Head[..10] + "…");

            var members = c.Members.Split(MemberSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            foreach (var m in members.Where(m => m.Length > Resident.NameMaxLength)) Error("Roster_NameTooLong", m[..10] + "…");

            var phone = new string(c.Phone.Where(ch => !char.IsWhiteSpace(ch) && ch != '-').ToArray());
            if (phone.Length > 0 && !Check.IsMobile(phone)) Error("Roster_PhoneInvalid", c.Phone.Length > 20 ? c.Phone[..20] + "…" : c.Phone);

            if (groupId is { } gid && numberOk)
            {
                if (firstRowOf.TryGetValue((gid, c.HouseNumber), out var first))
                    Error("Roster_DuplicateInFile", first.ToString(System.Globalization.CultureInfo.InvariantCulture));
                else
                    firstRowOf[(gid, c.HouseNumber)] = c.Row;
                if (registered.Contains((gid, c.HouseNumber))) Error("Roster_AlreadyRegistered");
            }
            rows.Add(new StoredRow(c.Row, c.Group, c.HouseNumber, c.Head, members, phone.Length > 0 ? phone : "", groupId, errors));
        }
        return rows;
    }

    /// <summary>(group, house number) pairs already registered in the community, for the given house numbers.</summary>
    internal static async Task<HashSet<(Guid, string)>> RegisteredAsync(YishiDbContext db, string communityPath, List<string> numbers, CancellationToken ct)
    {
        var found = new HashSet<(Guid, string)>();
        foreach (var chunk in numbers.Chunk(1000))
        {
            var list = chunk.ToList();
            var hits = await db.Households.AsNoTracking()
                .Where(h => h.AreaPath.StartsWith(communityPath) && list.Contains(h.HouseNumber))
                .Select(h => new { h.AreaId, h.HouseNumber })
                .ToListAsync(ct);
            foreach (var h in hits) found.Add((h.AreaId, h.HouseNumber));
        }
        return found;
    }

    internal static RosterImportDto ToDto(RosterImport import, string communityName, IReadOnlyList<StoredRow> rows, IStringLocalizer text)
        => new(import.Id, import.CommunityId, communityName, import.FileName, import.Status, import.RowCount, import.ErrorCount,
            import.HouseholdCount, import.ResidentCount, import.CreatedAt, import.Version,
            rows.Select(r => new RosterRowDto(r.Row, r.Group, r.HouseNumber, r.Head, r.Members,
                r.Errors.Count == 0 ? PersonalData.MaskPhone(r.Phone) : r.Phone,
                r.Errors.Count == 0,
                r.Errors.Select(e => text[e.Key, [.. e.Args]].Value).ToList())).ToList());

    internal static List<StoredRow> Rows(RosterImport import) => JsonSerializer.Deserialize<List<StoredRow>>(import.RowsJson, Json) ?? [];

    internal static void Map(RouteGroupBuilder api)
    {
        // Multipart from API clients: cookie auth is SameSite=Lax, so cross-site form posts carry no session;
        // the page's own upload form goes through Blazor with an antiforgery token.
        api.MapPost("/roster-imports", async Task<Created<RosterImportDto>> (HttpRequest request, PreviewRoster handler, CancellationToken ct) =>
            {
                if (!request.HasFormContentType) throw RosterFile.WrongFormat();
                IFormCollection form;
                try
                {
                    form = await request.ReadFormAsync(ct);
                }
                catch (InvalidDataException)
                {
                    throw RosterFile.TooLarge();
                }
                if (!Guid.TryParse(form["communityId"], out var communityId)) throw new InputInvalid("communityId", "Field_Required");
                var import = await handler.HandleAsync(communityId, form.Files.GetFile("file"), ct);
                return TypedResults.Created($"/api/v1/roster-imports/{import.Id}", import);
            })
            .DisableAntiforgery()
            .WithTags("Roster import").WithSummary("Upload a roster (.xlsx, field 'file', plus 'communityId'): parses and checks every row, creates nothing yet");

        api.MapGet("/roster-imports/{id:guid}", async (Guid id, RosterImports imports, CancellationToken ct)
                => TypedResults.Ok(await imports.GetAsync(id, ct)))
            .WithTags("Roster import").WithSummary("A roster import: its checked rows (preview) or, once committed, its counts");
    }
}

/// <summary>Reads a stored import (for the API and the preview page).</summary>
public sealed class RosterImports(YishiDbContext db, AccessScope scope, IStringLocalizer<PeopleStrings> text)
{
    public async Task<RosterImportDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        var import = await db.RosterImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new Rules.NotFound("roster_import");
        await scope.RequireAsync(import.AreaPath, Permission.ManageHouseholds, "roster_import", ct);
        var community = await db.Areas.AsNoTracking().Where(a => a.Id == import.CommunityId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        return PreviewRoster.ToDto(import, community, PreviewRoster.Rows(import), text);
    }
}
