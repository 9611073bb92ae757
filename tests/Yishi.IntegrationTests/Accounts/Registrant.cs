using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Data;
using Yishi.Platform.Notifications;

namespace Yishi.IntegrationTests.Accounts;

/// <summary>A resident registering: asks for the SMS code and reads it from the outbox, as the phone would receive it.</summary>
public static partial class Registrant
{
    public const string Password = "Jumin@2026";

    /// <summary>The texts queued for this phone, oldest first.</summary>
    public static Task<List<string>> TextsToAsync(this YishiApp app, string phone)
        => app.InScopeAsync(null, sp => sp.GetRequiredService<YishiDbContext>().Set<OutboxMessage>().IgnoreQueryFilters()
            .Where(m => m.Channel == OutboxChannels.Sms && m.Recipient == phone).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => m.Body).ToListAsync());

    /// <summary>Asks for a code (202) and returns the 6 digits of the newest text.</summary>
    public static async Task<string> CodeAsync(this YishiApp app, string phone, Guid areaId, HttpClient? client = null)
    {
        await (await (client ?? app.Anonymous()).PostJson("/api/v1/auth/register/code", new { phone, areaId })).ShouldBe(HttpStatusCode.Accepted);
        return SixDigits().Match((await app.TextsToAsync(phone))[^1]).Value;
    }

    /// <summary>Gets a code and registers with it; returns the response (202 on success).</summary>
    public static async Task<HttpResponseMessage> RegisterAsync(this YishiApp app, string phone, string displayName, Guid areaId, string? houseNumber = null)
    {
        var code = await app.CodeAsync(phone, areaId);
        return await app.Anonymous().PostJson("/api/v1/auth/register",
            new { phone, displayName, password = Password, confirmPassword = Password, areaId, code, houseNumber });
    }

    public static async Task<JsonElement> RegisteredAsync(this YishiApp app, string phone, string displayName, Guid areaId, string? houseNumber = null)
        => await (await app.RegisterAsync(phone, displayName, areaId, houseNumber)).ShouldBe(HttpStatusCode.Accepted);

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}
