using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Yishi.Web.Hosting;

/// <summary>
/// Makes the OpenAPI document say what the API really does: every operation lists the error statuses it can
/// answer with a ProblemDetails schema (with the <c>code</c> and <c>errors</c> extensions), authenticated operations
/// carry the cookie security scheme (anonymous ones none), and object schemas mark as required exactly the
/// properties that are not nullable. The integration sweep checks real responses against this document.
/// </summary>
public static class OpenApiTruth
{
    public const string ProblemSchema = "Problem";
    public const string CookieScheme = "cookie";

    public static OpenApiOptions AddYishiTruth(this OpenApiOptions o)
    {
        o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Components ??= new OpenApiComponents();
            doc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            doc.Components.Schemas[ProblemSchema] = Problem();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "yishi.auth",
                Description = "The session cookie set by POST /api/v1/auth/sign-in.",
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var authenticated = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
            var path = "/" + (context.Description.RelativePath ?? "");
            var method = context.Description.HttpMethod ?? "GET";
            var multipart = operation.RequestBody?.Content?.Keys.Any(k => k.StartsWith("multipart/", StringComparison.Ordinal)) == true;
            var hasBody = operation.RequestBody is not null;

            var statuses = new List<int> { 400, 404, 409, 422 };
            if (authenticated) statuses.AddRange([401, 403]);
            else if (path.Contains("/auth/", StringComparison.Ordinal) || path.Contains("/account", StringComparison.Ordinal)) statuses.AddRange([401, 403]);
            if (path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/open311", StringComparison.Ordinal)) statuses.Add(429);
            if (multipart) statuses.Add(413);
            if (hasBody || method != "GET") statuses.Add(415);
            operation.Responses ??= [];
            foreach (var status in statuses.Distinct().Order())
            {
                var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                operation.Responses[key] = new OpenApiResponse
                {
                    Description = Describe(status),
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
                    },
                };
            }
            operation.Security = authenticated
                ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] }]
                : [];
            return Task.CompletedTask;
        });
        o.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonPropertyInfo is not null || context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is null) return Task.CompletedTask;
            var nullability = new NullabilityInfoContext();
            foreach (var property in context.JsonTypeInfo.Properties)
            {
                if (!schema.Properties.ContainsKey(property.Name)) continue;
                bool? nullable = property.AttributeProvider switch
                {
                    PropertyInfo p => Nullable.GetUnderlyingType(p.PropertyType) is not null || nullability.Create(p).ReadState == NullabilityState.Nullable,
                    FieldInfo f => Nullable.GetUnderlyingType(f.FieldType) is not null || nullability.Create(f).ReadState == NullabilityState.Nullable,
                    _ => null,
                };
                if (nullable is null) continue;
                schema.Required ??= new HashSet<string>();
                // [Required] on a nullable property: the handler refuses it missing (form models keep it nullable).
                if (property.AttributeProvider?.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute), true) == true) nullable = false;
                if (nullable.Value) schema.Required.Remove(property.Name);
                else schema.Required.Add(property.Name);
            }
            return Task.CompletedTask;
        });
        return o;
    }

    private static string Describe(int status) => status switch
    {
        400 => "Malformed or invalid input (`code` `validation` or `bad_request`; `errors` names the fields)",
        401 => "Not signed in",
        403 => "Signed in, but the role does not allow it (`code` `forbidden`)",
        404 => "Unknown, or outside the caller's areas (`code` `not_found`)",
        409 => "State or uniqueness conflict, or a stale `version` (`code` names the rule)",
        422 => "Semantically impossible request (`code` names the rule)",
        413 => "Body too large",
        415 => "Unsupported content type",
        429 => "Rate-limited; see `Retry-After`",
        _ => "Error",
    };

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 ProblemDetails with Yishi extensions.",
        Required = new HashSet<string> { "status", "title" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Machine-readable error code, e.g. `validation`, `not_found`, `area.name_taken`" },
            ["field"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The field a rule violation is about" },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Per-field messages (localised)",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };

}
