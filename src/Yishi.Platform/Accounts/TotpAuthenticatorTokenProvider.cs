using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.Platform.Accounts;

/// <summary>
/// TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) for authenticator apps, registered as Identity's
/// authenticator provider. Unlike Identity's own provider it reads the injected <see cref="TimeProvider"/>
/// and accepts each code only once (RFC 6238 §5.2): the last accepted time step is kept in the user's
/// tokens, so a code seen over someone's shoulder cannot be replayed.
/// </summary>
public sealed class TotpAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<YishiUser>
{
    public const int StepSeconds = 30;
    public const int Digits = 6;
    /// <summary>Accept the previous and next step too, for phones whose clock is a little off.</summary>
    public const int AllowedDriftSteps = 1;
    private const string TokenProvider = "[Yishi]";
    private const string LastStepToken = "TotpLastStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<YishiUser> manager, YishiUser user)
        => !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the person's authenticator app; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<YishiUser> manager, YishiUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<YishiUser> manager, YishiUser user)
    {
        if (token is not { Length: Digits } || !token.All(char.IsAsciiDigit)) return false;
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || Base32.Decode(key) is not { Length: > 0 } secret) return false;
        var step = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        for (var s = step - AllowedDriftSteps; s <= step + AllowedDriftSteps; s++)
        {
            if (s <= last) continue;
            if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, s)), System.Text.Encoding.ASCII.GetBytes(token))) continue;
            await manager.SetAuthenticationTokenAsync(user, TokenProvider, LastStepToken, s.ToString(CultureInfo.InvariantCulture));
            return true;
        }
        return false;
    }

    /// <summary>The code for one time step (RFC 4226 dynamic truncation).</summary>
    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }
}

/// <summary>RFC 4648 base32 (the alphabet authenticator keys use); spaces and padding are ignored.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[]? Decode(string text)
    {
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '=' or '-') continue;
            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0) return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            output.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
            buffer &= (1 << bits) - 1;
        }
        return [.. output];
    }
}
