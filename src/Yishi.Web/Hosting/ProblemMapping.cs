using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Yishi.Platform.Localization;
using Yishi.Platform.Rules;

namespace Yishi.Web.Hosting;

/// <summary>
/// Maps every expected failure to a localised ProblemDetails: YishiException kinds (400/403/404/409/422),
/// stale saves (409), malformed requests (400/413/415). Anything else is a 500 with no details.
/// </summary>
internal sealed class ProblemMapping(IProblemDetailsService problems, IStringLocalizerFactory localizers, ILogger<ProblemMapping> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = ToProblem(exception);
        if (problem is null) log.LogError(exception, "Unhandled exception on {Path}", http.Request.Path.Value);
        // Pages: not handled here; the middleware re-executes "/error" with StatusOf(exception), an HTML page.
        if (problem is null || !IsApi(http)) return false;
        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    internal static bool IsApi(HttpContext http)
        => http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/open311");

    /// <summary>The status a failure answers with: what <see cref="ToProblem"/> says, 400 for malformed page query strings, else 500.</summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        InputInvalid => 400,
        YishiException y => y.Status,
        DbUpdateConcurrencyException => 409,
        BadHttpRequestException bad => bad.StatusCode,
        _ when IsTruncatedBody(exception) => 400,
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => 400,
        _ when IsMalformedQuery(exception) => 400,
        _ => 500,
    };

    // A page's typed [SupplyParameterFromQuery] value that does not parse ("?new=yes" for a bool): the user's
    // (or a link's) mistake, not a server error. The router throws InvalidOperationException for it.
    private static bool IsMalformedQuery(Exception exception)
        => exception is InvalidOperationException && exception.TargetSite?.DeclaringType?.Namespace == "Microsoft.AspNetCore.Components.Routing";

    // A multipart or form body that ends early: the form reader throws IOException/InvalidDataException.
    private static bool IsTruncatedBody(Exception exception)
        => exception is IOException or InvalidDataException
           && exception.TargetSite?.DeclaringType?.Namespace is "Microsoft.AspNetCore.WebUtilities" or "Microsoft.AspNetCore.Http" or "Microsoft.AspNetCore.Http.Features";

    public ProblemDetails? ToProblem(Exception exception)
    {
        var shared = localizers.Create(typeof(SharedStrings));
        switch (exception)
        {
            case InputInvalid invalid:
                {
                    var local = Localizer(invalid.Resource);
                    var errors = invalid.Fields.ToDictionary(kv => kv.Key, kv => new[] { Text(local, shared, kv.Value, []) });
                    return new ValidationProblemDetails(errors)
                    {
                        Status = 400,
                        Title = shared["Validation_Failed"],
                        Extensions = { ["code"] = invalid.Code },
                    };
                }
            case YishiException y:
                {
                    var local = Localizer(y.Resource);
                    var problem = new ProblemDetails
                    {
                        Status = y.Status,
                        Title = Text(local, shared, y.MessageKey, y.Args),
                        Extensions = { ["code"] = y.Code },
                    };
                    if (y.Field is not null) problem.Extensions["field"] = y.Field;
                    return problem;
                }
            case DbUpdateConcurrencyException:
                return new ProblemDetails { Status = 409, Title = shared["Concurrency_Conflict"], Extensions = { ["code"] = "concurrency" } };
            case BadHttpRequestException { InnerException: JsonException json } bad:
                {
                    // Malformed JSON, a wrong type, an array for an object: name the JSON path when there is one.
                    var field = json.Path is { Length: > 1 } path ? FieldOf(path) : "body";
                    var message = localizers.Create(typeof(InputStrings))["Request_InvalidJson"].Value;
                    return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
                    {
                        Status = bad.StatusCode,
                        Title = shared["Request_Malformed"],
                        Extensions = { ["code"] = "bad_request" },
                    };
                }
            case BadHttpRequestException bad:
                return new ProblemDetails
                {
                    Status = bad.StatusCode,
                    Title = bad.StatusCode switch
                    {
                        StatusCodes.Status413PayloadTooLarge => shared["Request_TooLarge"],
                        StatusCodes.Status415UnsupportedMediaType => shared["Request_UnsupportedMediaType"],
                        _ => shared["Request_Malformed"],
                    },
                    Extensions = { ["code"] = "bad_request" },
                };
            case { } when IsTruncatedBody(exception):
                return new ProblemDetails { Status = 400, Title = shared["Request_Malformed"], Extensions = { ["code"] = "bad_request" } };
            case Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException:
                return new ProblemDetails { Status = 400, Title = shared["Request_Antiforgery"], Extensions = { ["code"] = "antiforgery" } };
            default:
                return null;
        }
    }

    // "$.items[0].text" → "Items[0].Text": fields are named like the handlers name them (the records' property names).
    private static string FieldOf(string jsonPath)
        => string.Join('.', jsonPath.TrimStart('$', '.').Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..]));

    private IStringLocalizer? Localizer(Type? resource) => resource is null ? null : localizers.Create(resource);

    private static string Text(IStringLocalizer? local, IStringLocalizer shared, string key, IReadOnlyList<object> args)
    {
        if (local is not null)
        {
            var s = local[key, [.. args]];
            if (!s.ResourceNotFound) return s;
        }
        return shared[key, [.. args]];
    }
}
