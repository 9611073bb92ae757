using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Yishi.IntegrationTests.Infrastructure;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.IntegrationTests.Api;

/// <summary>
/// Sweeps EVERY operation of the OpenAPI document (so endpoints added later are covered without new test code),
/// signed in as a district admin and anonymously, with junk: malformed JSON, wrong types, huge strings, NUL and
/// control characters, undefined enum values, extreme dates, missing fields, garbage route values and truncated
/// multipart bodies. No answer may be a 5xx; every 4xx must be a ProblemDetails matching the documented schema with
/// a status the operation documents; successful JSON answers must match their documented schema.
/// </summary>
public abstract class ApiInputSweepTests(YishiApp app)
{
    private const int MaxCasesPerOperation = 40;
    private static readonly string Huge = new('长', 1_000_000);
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private sealed record Case(string What, string Url, HttpContent? Body);

    [Fact]
    public async Task Every_operation_answers_junk_input_without_a_server_error_and_as_documented()
    {
        var d = await TestDistrict.CreateAsync(app);
        var docText = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        var schema = new OpenApiSchema(JsonNode.Parse(docText)!);
        var sampleId = d["S1/C1"].Id.ToString();
        var failures = new List<string>();
        var operations = 0;
        var requests = 0;
        var admin = await d.ClientAsync(Role.DistrictAdmin, "D");

        foreach (var (path, item) in schema.Document["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item![method] is not JsonObject op) continue;
                operations++;
                var cases = CasesFor(path, op, item.AsObject(), schema, sampleId).Take(MaxCasesPerOperation).ToList();
                foreach (var signedIn in new[] { true, false })
                {
                    foreach (var c in cases)
                    {
                        var client = signedIn ? admin : app.Anonymous();
                        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), c.Url) { Content = Clone(c.Body) };
                        using var response = await client.SendAsync(request);
                        requests++;
                        var who = signedIn ? "admin" : "anonymous";
                        var where = $"{method.ToUpperInvariant()} {path} [{who}] {c.What}";
                        var status = (int)response.StatusCode;
                        var text = await response.Content.ReadAsStringAsync();
                        if (status >= 500)
                        {
                            failures.Add($"{where} → {status}");
                            continue;
                        }
                        if (status >= 400)
                        {
                            if (op["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is null)
                                failures.Add($"{where} → {status} is not documented for the operation");
                            // API errors are ProblemDetails; the few documented non-API routes (photo files) answer like pages.
                            if (text.Length > 0 && (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/open311", StringComparison.Ordinal)))
                            {
                                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                                    failures.Add($"{where} → {status} is {response.Content.Headers.ContentType?.MediaType}, not problem+json");
                                else
                                    foreach (var e in schema.Validate(JsonDocument.Parse(text).RootElement, schema.Document["components"]!["schemas"]!["Problem"]))
                                        failures.Add($"{where} → {status} body: {e}");
                            }
                        }
                        else if (status is >= 200 and < 300 && text.Length > 0
                                 && response.Content.Headers.ContentType?.MediaType == "application/json"
                                 && op["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"]?["schema"] is { } success)
                        {
                            foreach (var e in schema.Validate(JsonDocument.Parse(text).RootElement, success))
                                failures.Add($"{where} → {status} body does not match its schema: {e}");
                        }
                        if (signedIn && status == 401) admin = await d.ClientAsync(Role.DistrictAdmin, "D");
                    }
                }
            }
        }

        operations.ShouldBeGreaterThan(50);
        failures.ShouldBeEmpty($"{failures.Count} failures in {requests} requests over {operations} operations:\n" + string.Join("\n", failures.Distinct().Take(200)));
    }

    private static ByteArrayContent? Clone(HttpContent? content)
    {
        if (content is null) return null;
        var bytes = content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var copy = new ByteArrayContent(bytes);
        foreach (var h in content.Headers) copy.Headers.TryAddWithoutValidation(h.Key, h.Value);
        return copy;
    }

    private static IEnumerable<Case> CasesFor(string path, JsonObject op, JsonObject pathItem, OpenApiSchema schema, string sampleId)
    {
        var parameters = (op["parameters"] as JsonArray ?? []).Concat(pathItem["parameters"] as JsonArray ?? [])
            .Select(p => schema.Resolve(p)!).Where(p => p is not null).ToList();
        var pathParams = parameters.Where(p => p["in"]?.GetValue<string>() == "path").ToList();
        var queryParams = parameters.Where(p => p["in"]?.GetValue<string>() == "query").ToList();

        string Url(IReadOnlyDictionary<string, string>? pathValues = null, IReadOnlyDictionary<string, string>? query = null)
        {
            var url = path;
            foreach (var p in pathParams)
            {
                var name = p["name"]!.GetValue<string>();
                var value = pathValues?.GetValueOrDefault(name) ?? SampleScalar(schema.Resolve(p["schema"]), sampleId);
                url = url.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            var q = new Dictionary<string, string>();
            foreach (var p in queryParams.Where(p => p["required"]?.GetValue<bool>() == true))
                q[p["name"]!.GetValue<string>()] = SampleScalar(schema.Resolve(p["schema"]), sampleId);
            if (query is not null) foreach (var (k, v) in query) q[k] = v;
            return q.Count == 0 ? url : url + "?" + string.Join("&", q.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}"));
        }

        var content = op["requestBody"]?["content"] as JsonObject;
        var jsonSchema = schema.Resolve(content?["application/json"]?["schema"]);
        var multipart = content?.Any(kv => kv.Key.StartsWith("multipart/", StringComparison.Ordinal)) == true
                        || content?.ContainsKey("application/x-www-form-urlencoded") == true;
        var sample = jsonSchema is null ? null : Sample(jsonSchema, schema, sampleId, 0);
        HttpContent? Valid() => jsonSchema is null ? null : Json(sample!.ToJsonString());

        yield return new Case("baseline", Url(), Valid());

        foreach (var p in pathParams)
        {
            var name = p["name"]!.GetValue<string>();
            foreach (var junk in new[] { "not-an-id", "-1", "00000000-0000-0000-0000-000000000000", "a\u0001b", new string('x', 3000) })
                yield return new Case($"path {name}={Show(junk)}", Url(new Dictionary<string, string> { [name] = junk }), Valid());
        }

        foreach (var p in queryParams.Take(8))
        {
            var name = p["name"]!.GetValue<string>();
            foreach (var junk in new[] { "zz", "a\u0000b", "999", "-1", "0001-01-01", "9999-12-31T23:59:59Z", new string('长', 5000) })
                yield return new Case($"query {name}={Show(junk)}", Url(query: new Dictionary<string, string> { [name] = junk }), Valid());
        }

        if (multipart)
        {
            const string boundary = "sweep-boundary";
            var truncated = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ffabc";
            var bytes = Encoding.Latin1.GetBytes(truncated);
            var body = new ByteArrayContent(bytes);
            body.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
            yield return new Case("truncated multipart", Url(), body);
            var noBoundary = new ByteArrayContent(bytes);
            noBoundary.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
            yield return new Case("multipart without boundary", Url(), noBoundary);
            var nul = new MultipartFormDataContent(boundary) { { new StringContent("a\u0000b"), "communityId" }, { new StringContent("a\u0000b"), "caption" } };
            yield return new Case("multipart NUL field", Url(), nul);
            yield return new Case("JSON to multipart", Url(), Json("{}"));
        }

        if (jsonSchema is null) yield break;

        foreach (var junk in new[] { "{", "[]", "\"text\"", "null", "{}", "123", "{\"a\":", "[{}]" })
            yield return new Case($"body {junk}", Url(), Json(junk));

        if (sample is not JsonObject obj) yield break;
        var properties = schema.Resolve(jsonSchema)?["properties"] as JsonObject;
        if (properties is null) yield break;
        foreach (var (name, propertySchemaNode) in properties.Take(10))
        {
            var ps = schema.Resolve(propertySchemaNode);
            var kinds = Types(ps, schema);
            JsonNode?[] wrong = kinds.Contains("string")
                ? [123, new JsonObject(), "a\u0000b", "x\u0007y", Huge, "9999-12-31T23:59:59Z", "0001-01-01", "NotAValue"]
                : kinds.Contains("array") ? [new JsonObject(), "x", new JsonArray(JsonValue.Create("a\u0000b")), new JsonArray(new JsonArray())]
                : kinds.Contains("object") ? [new JsonArray(), "x", 1]
                : kinds.Contains("boolean") ? ["x", 2]
                : ["x", 999, -1, 1e300, true];
            if (Enum(ps, schema) is true) wrong = [999, -1, "999", "NotAValue", new JsonObject()];
            foreach (var w in wrong)
            {
                var mutated = (JsonObject)obj.DeepClone();
                mutated[name] = w?.DeepClone();
                yield return new Case($"{name}={Show(w?.ToJsonString() ?? "null")}", Url(), Json(mutated.ToJsonString()));
            }
            var missing = (JsonObject)obj.DeepClone();
            missing.Remove(name);
            yield return new Case($"missing {name}", Url(), Json(missing.ToJsonString()));
        }
    }

    private static string Show(string value) => value.Length > 40 ? $"<{value.Length} chars>" : value.Replace("\0", "\\0", StringComparison.Ordinal).Replace("\u0001", "\\1", StringComparison.Ordinal).Replace("\u0007", "\\7", StringComparison.Ordinal);

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static HashSet<string> Types(JsonNode? s, OpenApiSchema schema)
    {
        var result = new HashSet<string>();
        s = schema.Resolve(s);
        if (s is null) return result;
        if (s["type"] is JsonArray a) foreach (var t in a) result.Add(t!.GetValue<string>());
        else if (s["type"] is { } t1) result.Add(t1.GetValue<string>());
        foreach (var key in new[] { "anyOf", "oneOf", "allOf" })
            if (s[key] is JsonArray any) foreach (var x in any) result.UnionWith(Types(x, schema));
        return result;
    }

    private static bool? Enum(JsonNode? s, OpenApiSchema schema)
    {
        s = schema.Resolve(s);
        if (s is null) return null;
        if (s["enum"] is JsonArray) return true;
        foreach (var key in new[] { "anyOf", "oneOf", "allOf" })
            if (s[key] is JsonArray any && any.Any(x => Enum(x, schema) == true)) return true;
        return false;
    }

    private static string SampleScalar(JsonNode? s, string sampleId)
    {
        var node = s is null ? null : SampleLeaf(s, sampleId);
        return node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node?.ToJsonString() ?? "x";
    }

    private static JsonNode? SampleLeaf(JsonNode s, string sampleId)
    {
        if (s["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first) return first.DeepClone();
        var format = s["format"]?.GetValue<string>();
        var types = s["type"] is JsonArray a ? a.Select(t => t!.GetValue<string>()).ToList() : s["type"] is { } t1 ? [t1.GetValue<string>()] : [];
        if (types.Contains("string") || format is not null && types.Count == 0)
            return format switch
            {
                "uuid" => sampleId,
                "date" => "2026-11-23",
                "date-time" => "2026-11-23T10:00:00Z",
                _ => "测试",
            };
        if (types.Contains("integer")) return 1;
        if (types.Contains("number")) return 1;
        if (types.Contains("boolean")) return true;
        return null;
    }

    private static JsonNode? Sample(JsonNode? s, OpenApiSchema schema, string sampleId, int depth)
    {
        s = schema.Resolve(s);
        if (s is null || depth > 4) return null;
        foreach (var key in new[] { "anyOf", "oneOf", "allOf" })
            if (s[key] is JsonArray any)
                foreach (var x in any)
                    if (Sample(x, schema, sampleId, depth + 1) is { } chosen) return chosen;
        var types = s["type"] is JsonArray a ? a.Select(t => t!.GetValue<string>()).ToList() : s["type"] is { } t1 ? [t1.GetValue<string>()] : [];
        if (types.Contains("object") || s["properties"] is not null)
        {
            var o = new JsonObject();
            if (s["properties"] is JsonObject props)
                foreach (var (name, p) in props) o[name] = Sample(p, schema, sampleId, depth + 1);
            return o;
        }
        if (types.Contains("array"))
            return Sample(s["items"], schema, sampleId, depth + 1) is { } item ? new JsonArray(item) : new JsonArray();
        return SampleLeaf(s, sampleId);
    }
}

public sealed class ApiInputSweepTests_Sqlite(SqliteApp app) : ApiInputSweepTests(app), IClassFixture<SqliteApp>;

public sealed class ApiInputSweepTests_Postgres(PostgresApp app) : ApiInputSweepTests(app), IClassFixture<PostgresApp>;
