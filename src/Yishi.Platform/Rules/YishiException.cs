namespace Yishi.Platform.Rules;

/// <summary>
/// Base of every expected failure a handler reports. The web host maps each kind to a
/// ProblemDetails status; forms show the localised message next to <see cref="Field"/>.
/// Message keys are resource names looked up in <see cref="Resource"/> (default: shared strings).
/// </summary>
public abstract class YishiException(string code, string messageKey, string? field, Type? resource, object[] args)
    : Exception(messageKey)
{
    public string Code { get; } = code;
    public string MessageKey { get; } = messageKey;
    public string? Field { get; } = field;
    public Type? Resource { get; } = resource;
    public IReadOnlyList<object> Args { get; } = args;
    public abstract int Status { get; }
}

/// <summary>A domain rule was broken (state, uniqueness, limits). 409 by default, 422 for semantic input errors.</summary>
public sealed class RuleViolation(string code, string messageKey, string? field = null, Type? resource = null, int status = 409, params object[] args)
    : YishiException(code, messageKey, field, resource, args)
{
    public override int Status { get; } = status;
}

/// <summary>Malformed input (400). Carries one message key per field.</summary>
public sealed class InputInvalid : YishiException
{
    public InputInvalid(IReadOnlyDictionary<string, string> fieldMessageKeys, Type? resource = null)
        : base("validation", "Validation_Failed", fieldMessageKeys.Keys.FirstOrDefault(), resource, [])
        => Fields = fieldMessageKeys;

    public InputInvalid(string field, string messageKey, Type? resource = null)
        : this(new Dictionary<string, string> { [field] = messageKey }, resource) { }

    public IReadOnlyDictionary<string, string> Fields { get; }
    public override int Status => 400;
}

/// <summary>Unknown id, or an id outside the caller's scope: both are 404 so existence does not leak.</summary>
public sealed class NotFound(string what) : YishiException("not_found", "NotFound", null, null, [what])
{
    public override int Status => 404;
}

/// <summary>The target is in the caller's scope but their roles do not allow the action.</summary>
public sealed class Forbidden() : YishiException("forbidden", "Forbidden", null, null, [])
{
    public override int Status => 403;
}
