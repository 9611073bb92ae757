using Yishi.Demands.Features.Access;
using Yishi.Platform.Rules;

namespace Yishi.Demands.Ui;

/// <summary>A department a demand can be routed to, for the action forms' selects.</summary>
public sealed record UnitOption(Guid Id, string Name);

/// <summary>An official a demand can be assigned to (their role shown to tell namesakes apart).</summary>
public sealed record PersonOption(Guid Id, string Name, string Role);

public static class ActionDone
{
    /// <summary>
    /// Where to go after an action succeeded: back to the demand with a success note, or to the inbox when
    /// the action took it out of the caller's sight (e.g. referred to another department).
    /// </summary>
    public static async Task<string> UrlAsync(DemandAccess access, Guid id, string done)
    {
        try
        {
            await access.LoadForViewAsync(id);
            return $"/demands/{id}?done={done}";
        }
        catch (NotFound)
        {
            return $"/demands?done={done}";
        }
    }
}
