using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;
using Yishi.Platform.Accounts;
using Yishi.Platform.Accounts.Features.SignIn;
using Yishi.Platform.Data;
using Yishi.Platform.Demo;
using Yishi.Platform.Modules;
using Yishi.Web.Components;
using Yishi.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
var modules = YishiModules.All;

builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole(o =>
{
    o.UseUtcTimestamp = true;
    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
    o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
});

var services = builder.Services;
services.AddSingleton(TimeProvider.System);
services.AddSingleton<IReadOnlyList<IYishiModule>>(modules);
services.AddSingleton(new ModelAssemblies([.. modules.Select(m => m.Assembly)]));
services.AddScoped<RequestContext>();
services.AddYishiDatabase();
services.AddYishiAccounts();
services.AddAuthorization();
services.AddCascadingAuthenticationState();
services.AddAntiforgery();
services.AddHttpContextAccessor();

services.AddLocalization();
services.Configure<RequestLocalizationOptions>(o =>
{
    CultureInfo[] cultures = [new("zh-CN"), new("en")];
    o.DefaultRequestCulture = new RequestCulture("zh-CN");
    o.SupportedCultures = cultures;
    o.SupportedUICultures = cultures;
    o.FallBackToParentUICultures = true;
    // Pages are Chinese unless the person chose English (cookie); API clients may also ask with Accept-Language.
    o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new ApiAcceptLanguageProvider()];
});
// Chinese text is emitted as text, not as &#x...; entities.
services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
});

services.AddRazorComponents();
services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
{
    ctx.ProblemDetails.Extensions.Remove("exception");
    ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
});
services.AddExceptionHandler<ProblemMapping>();
services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 20 * 1024 * 1024);

services.AddOpenApi("v1", o => o.AddYishiTruth().AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Yishi API";
    doc.Info.Description = "议事 — grassroots deliberation and demand handling. Cookie-authenticated; errors are RFC 9457 ProblemDetails with a `code` extension.";
    return Task.CompletedTask;
}));
services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

services.AddYishiRateLimits(builder.Configuration);
services.AddYishiTransportSecurity(builder.Configuration);

foreach (var module in modules) module.AddServices(services, builder.Configuration);

if (args is ["db-script", var scriptProvider, var scriptPath])
{
    // Development aid: the CREATE script of the current EF model, the starting point of a new migration.
    builder.Logging.ClearProviders();
    builder.Configuration["Database:Provider"] = scriptProvider;
    builder.Configuration["ConnectionStrings:Yishi"] = scriptProvider.Equals("postgres", StringComparison.OrdinalIgnoreCase) ? "Host=localhost" : "Data Source=:memory:";
    await using var scriptApp = builder.Build();
    await using var scope = scriptApp.Services.CreateAsyncScope();
    await File.WriteAllTextAsync(scriptPath, scope.ServiceProvider.GetRequiredService<YishiDbContext>().Database.GenerateCreateScript());
    return;
}

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<YishiDbContext>();
    if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    await scope.ServiceProvider.GetRequiredService<MigrationRunner>().ApplyAsync();
    if (app.Configuration.GetValue("Demo:Seed", true)) await DemoSeeding.RunAsync(scope.ServiceProvider);
}

// The client's real address and scheme (configured proxies only), HSTS, Secure cookies.
app.UseYishiTransportSecurity();
// Localisation first, so that error responses written by the exception handler are localised too.
app.UseRequestLocalization();
// API: ProblemMapping writes ProblemDetails. Pages: "/error" is re-executed with the mapped status (400/403/404/409/500).
app.UseWhen(IsApi, api => api.UseExceptionHandler());
app.UseWhen(http => !IsApi(http), pages => pages.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/error",
    CreateScopeForErrors = true,
    AllowStatusCode404Response = true,
    StatusCodeSelector = ProblemMapping.StatusOf,
}));
// API and Open311 errors without a body get a ProblemDetails body; pages get the "not found" page.
app.UseWhen(IsApi, api => api.UseStatusCodePages());
app.UseWhen(http => !IsApi(http), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseStaticFiles();
// Routing after the status-code pages, so that a re-executed "/not-found" is routed again.
app.UseRouting();
app.UseInputGuard();
app.UseAuthentication();
app.UseYishiRateLimits();
app.UseMiddleware<ApiWriteOriginCheck>();
app.UseMiddleware<RequestContextMiddleware>();
app.UseMiddleware<TwoFactorSetupGate>();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
{
    ResponseWriter = async (http, report) =>
    {
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    },
});
app.MapOpenApi("/openapi/{documentName}.json");
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "Yishi API v1");
    o.RoutePrefix = "swagger";
});

app.MapGet("/culture", async (string? c, string? r, HttpContext http) =>
{
    var culture = c is "en" ? "en" : "zh-CN";
    await CulturePreference.RememberAsync(http, culture);
    http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
        new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
    return Results.LocalRedirect(InputGuard.LocalOrRoot(r));
}).ExcludeFromDescription();

var publicApi = app.MapGroup("/api/v1").WithInputGuard();
AuthEndpoints.Map(publicApi);
foreach (var module in modules) module.MapAnonymousApi(publicApi);
var api = app.MapGroup("/api/v1").RequireAuthorization().WithInputGuard();
var publicRoutes = app.MapGroup("").WithInputGuard();
foreach (var module in modules)
{
    module.MapApi(api);
    module.MapPublic(publicRoutes);
}

app.MapRazorComponents<App>()
    .AddAdditionalAssemblies([.. modules.Select(m => m.Assembly).Where(a => a != typeof(Program).Assembly)]);

app.Run();

static bool IsApi(HttpContext http) => ProblemMapping.IsApi(http);

/// <summary>The web host entry point (public for WebApplicationFactory).</summary>
public partial class Program;
