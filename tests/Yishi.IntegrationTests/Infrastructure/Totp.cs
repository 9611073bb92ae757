using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Yishi.IntegrationTests.Infrastructure;

/// <summary>
/// What an authenticator app does (RFC 6238: HMAC-SHA1 over 30-second steps, 6 digits), written here
/// independently of the app's code so that tests check the app against the standard, not against itself.
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at) => Code(Base32Decode(base32Key), at.ToUnixTimeSeconds() / 30, 6);

    public static string Code(byte[] secret, long step, int digits)
    {
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 uses HMAC-SHA1
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0xf;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulo = (int)Math.Pow(10, digits);
        return (value % modulo).ToString(new string('0', digits), CultureInfo.InvariantCulture);
    }

    public static byte[] Base32Decode(string key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(key.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant()
            .Select(c => Convert.ToString(alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}
