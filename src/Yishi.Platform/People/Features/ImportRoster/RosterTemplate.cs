using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Yishi.Platform.People.Features.ImportRoster;

/// <summary>The roster template: the header row and two example rows.</summary>
public static class RosterTemplate
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Build()
    {
        using var stream = new MemoryStream();
        RosterFile.Write(stream,
        [
            RosterFile.Columns,
            ["第一网格", "幸福路1号", "张伟", "李娜、张小明", "13800138000"],
            ["第一网格", "幸福路3号", "王芳", "", ""],
        ]);
        return stream.ToArray();
    }

    internal static void MapPublic(IEndpointRouteBuilder app) =>
        app.MapGet("/admin/households/import/template.xlsx", () => TypedResults.File(Build(), ContentType, "花名册模板.xlsx"))
            .RequireAuthorization()
            .ExcludeFromDescription();
}
