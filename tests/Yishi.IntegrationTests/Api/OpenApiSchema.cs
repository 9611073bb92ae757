using System.Text.Json;
using System.Text.Json.Nodes;

namespace Yishi.IntegrationTests.Api;

/// <summary>
/// A small JSON-schema check of the subset the OpenAPI document uses ($ref, type, enum, properties, required,
/// items, additionalProperties, allOf/anyOf/oneOf), enough to catch a response that drifted from its documentation.
/// </summary>
public sealed class OpenApiSchema(JsonNode document)
{
    public JsonNode Document { get; } = document;

    public JsonNode? Resolve(JsonNode? schema)
    {
        for (var i = 0; i < 10 && schema?["$ref"]?.GetValue<string>() is { } reference; i++)
        {
            JsonNode? node = Document;
            foreach (var part in reference.TrimStart('#', '/').Split('/')) node = node?[part.Replace("~1", "/").Replace("~0", "~")];
            schema = node;
        }
        return schema;
    }

    public List<string> Validate(JsonElement value, JsonNode? schema)
    {
        var errors = new List<string>();
        Check(value, schema, "$", errors, 0);
        return errors;
    }

    private void Check(JsonElement value, JsonNode? schema, string path, List<string> errors, int depth)
    {
        schema = Resolve(schema);
        if (schema is null || depth > 20 || errors.Count > 5) return;
        if (schema["allOf"] is JsonArray all)
            foreach (var s in all) Check(value, s, path, errors, depth + 1);
        foreach (var key in new[] { "anyOf", "oneOf" })
        {
            if (schema[key] is not JsonArray any) continue;
            if (!any.Any(s => Validate2(value, s, path, depth))) errors.Add($"{path}: matches none of {key}");
        }
        if (schema["type"] is { } type)
        {
            var types = type is JsonArray a ? a.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            if (schema["nullable"]?.GetValue<bool>() == true) types.Add("null");
            if (!types.Any(t => Is(value, t))) { errors.Add($"{path}: {value.ValueKind} is not {string.Join("|", types)}"); return; }
        }
        if (schema["enum"] is JsonArray values && value.ValueKind == JsonValueKind.String
            && !values.Any(v => v?.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == value.GetString()))
            errors.Add($"{path}: '{value.GetString()}' is not one of the documented values");
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema["required"] is JsonArray required)
                foreach (var r in required)
                    if (!value.TryGetProperty(r!.GetValue<string>(), out _)) errors.Add($"{path}: required '{r}' missing");
            var properties = schema["properties"] as JsonObject;
            foreach (var p in value.EnumerateObject())
            {
                if (properties?[p.Name] is { } ps) Check(p.Value, ps, $"{path}.{p.Name}", errors, depth + 1);
                else if (schema["additionalProperties"] is JsonObject more) Check(p.Value, more, $"{path}.{p.Name}", errors, depth + 1);
            }
        }
        if (value.ValueKind == JsonValueKind.Array && schema["items"] is { } items)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(item, items, $"{path}[{i++}]", errors, depth + 1);
                if (i > 20) break;
            }
        }
    }

    private bool Validate2(JsonElement value, JsonNode? schema, string path, int depth)
    {
        var errors = new List<string>();
        Check(value, schema, path, errors, depth + 1);
        return errors.Count == 0;
    }

    private static bool Is(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => true,
    };
}
