using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Yishi.Platform.Rules;

namespace Yishi.Web.Hosting;

/// <summary>
/// Central input guard, so that every endpoint (also ones added later) obeys <see cref="InputRules"/>:
/// an endpoint filter checks the bound arguments of every API operation (strings, enums, dates, and the same
/// inside body records and lists) and a middleware checks every request's path and query string (pages too).
/// Forms are covered by <see cref="Check"/> in the handlers and by the database save guard.
/// </summary>
public static class InputGuard
{
    /// <summary>Adds the argument guard to every endpoint of <paramref name="builder"/>.</summary>
    public static TBuilder WithInputGuard<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilterFactory(Factory);
        return builder;
    }

    /// <summary>Rejects control characters in the request path and query string with a 400 (API: ProblemDetails; pages: error page).</summary>
    public static IApplicationBuilder UseInputGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // A re-executed error page carries the original query string: do not fail again there.
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null
            || http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next(http);
            return;
        }
        if (InputRules.HasForbiddenCharacter(http.Request.Path.Value))
            throw new InputInvalid("path", "Field_ControlCharacter", typeof(InputStrings));
        foreach (var (key, values) in http.Request.Query)
        {
            InputRules.EnsureText(key, "query");
            foreach (var v in values) InputRules.EnsureText(v, key);
        }
        await next(http);
    });

    private static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var parameters = context.MethodInfo.GetParameters();
        var checks = new List<(int Index, string Name, bool IsBody)>();
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (!IsInput(p.ParameterType, services)) continue;
            var isBody = p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromBodyAttribute>() is not null || IsComplex(p.ParameterType);
            checks.Add((i, p.Name ?? "value", isBody));
        }
        if (checks.Count == 0) return next;
        return invocation =>
        {
            foreach (var (index, name, isBody) in checks)
            {
                if (index >= invocation.Arguments.Count) continue;
                Inspect(invocation.Arguments[index], isBody ? "" : name, 0);
            }
            return next(invocation);
        };
    }

    private static bool IsInput(Type type, IServiceProviderIsService? services)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsEnum || IsDate(type)) return true;
        if (typeof(HttpContext).IsAssignableFrom(type) || type == typeof(CancellationToken) || type.Namespace?.StartsWith("Microsoft.", StringComparison.Ordinal) == true)
            return false;
        if (services?.IsService(type) == true) return false;
        return IsComplex(type) || (type.IsArray || (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type)));
    }

    private static bool IsComplex(Type type)
        => type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Yishi", StringComparison.Ordinal) == true;

    private static bool IsDate(Type t) => t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset);

    // Body fields are named like the handlers name them (the record's property names, e.g. "Description").
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> Properties = new();

    private static void Inspect(object? value, string field, int depth)
    {
        if (value is null || depth > 6) return;
        var name = field.Length == 0 ? "body" : field;
        switch (value)
        {
            case string s:
                InputRules.EnsureText(s, name);
                return;
            case Enum e:
                if (!InputRules.IsDefined(e)) throw new InputInvalid(name, "Field_InvalidValue", typeof(InputStrings));
                return;
            case DateOnly d:
                InputRules.EnsureDate(d, name);
                return;
            case DateTime t:
                InputRules.EnsureDate(t, name);
                return;
            case DateTimeOffset o:
                InputRules.EnsureDate(o.UtcDateTime, name);
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Inspect(entry.Key, name, depth + 1);
                    Inspect(entry.Value, $"{name}.{entry.Key}", depth + 1);
                }
                return;
            case IEnumerable list:
                var i = 0;
                foreach (var item in list) Inspect(item, $"{name}[{i++}]", depth + 1);
                return;
        }
        var type = value.GetType();
        if (!IsComplex(type)) return;
        foreach (var (property, jsonName) in Properties.GetOrAdd(type, Describe))
            Inspect(property.GetValue(value), field.Length == 0 ? jsonName : $"{field}.{jsonName}", depth + 1);
    }

    private static (PropertyInfo, string)[] Describe(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => (p, p.Name)),
    ];

    /// <summary>A redirect target that stays on this site: a rooted path, never "//host" or "/\host"; otherwise "/".</summary>
    public static string LocalOrRoot(string? url)
    {
        // Browsers drop tabs and line breaks in URLs ("/\t/evil" becomes "//evil"), so any control character is refused.
        if (string.IsNullOrEmpty(url) || url[0] != '/' || url.Any(char.IsControl) || InputRules.HasForbiddenCharacter(url)) return "/";
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\')) return "/";
        return url.Contains('\\') ? "/" : url;
    }
}
