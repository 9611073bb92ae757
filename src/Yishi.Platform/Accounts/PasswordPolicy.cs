using Microsoft.AspNetCore.Identity;
using Yishi.Platform.Accounts.Domain;

namespace Yishi.Platform.Accounts;

/// <summary>At least 8 characters from at least 3 of: lower case, upper case, digits, symbols (CJK counts as a symbol).</summary>
public sealed class ThreeClassPasswordValidator : IPasswordValidator<YishiUser>
{
    public const int MinLength = 8;

    public static bool IsAcceptable(string? password)
    {
        if (password is null || password.Length < MinLength) return false;
        var classes = 0;
        if (password.Any(char.IsAsciiLetterLower)) classes++;
        if (password.Any(char.IsAsciiLetterUpper)) classes++;
        if (password.Any(char.IsAsciiDigit)) classes++;
        if (password.Any(c => !char.IsAsciiLetterOrDigit(c))) classes++;
        return classes >= 3;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<YishiUser> manager, YishiUser user, string? password)
        => Task.FromResult(IsAcceptable(password)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordPolicy", Description = "Password_Policy" }));
}
