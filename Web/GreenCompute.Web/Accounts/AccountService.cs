using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace GreenCompute.Web.Accounts;

/// <summary>
/// Passwords (the framework's <see cref="PasswordHasher{TUser}"/>), lockout after <see cref="MaxFailures"/> failed
/// sign-ins for <see cref="LockoutLength"/>, new accounts, API keys and the claims of a signed-in account.
/// </summary>
internal sealed class AccountService(UserStore store, TimeProvider time)
{
    public const int MaxFailures = 5;
    public const int MinPasswordLength = 10;
    public static readonly TimeSpan LockoutLength = TimeSpan.FromMinutes(15);
    public const string IdClaim = "gc:user-id";
    public const string SiteClaim = "gc:site";
    public const string MustChangeClaim = "gc:must-change-password";

    private readonly PasswordHasher<UserAccount> _hasher = new();

    public UserStore Store => store;

    public (SignInOutcome Outcome, UserAccount? User) CheckPassword(string name, string password)
    {
        var user = store.FindByName(name);
        if (user is null)
        {
            // Hash anyway so an unknown name takes as long as a wrong password.
            _hasher.HashPassword(null!, password);
            return (SignInOutcome.Failed, null);
        }

        var now = time.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
        {
            return (SignInOutcome.LockedOut, user);
        }

        if (_hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var failed = user.LockedUntil is null ? user.FailedSignIns + 1 : 1;
            var locked = failed >= MaxFailures ? now + LockoutLength : (DateTimeOffset?)null;
            store.RecordFailure(user.Id, locked is null ? failed : 0, locked);
            return (locked is null ? SignInOutcome.Failed : SignInOutcome.LockedOut, user);
        }

        store.RecordSuccess(user.Id);
        return (SignInOutcome.Succeeded, user);
    }

    public static ClaimsPrincipal Principal(UserAccount user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Role, user.Role),
            new(IdClaim, user.Id.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(user.SiteIds.Select(s => new Claim(SiteClaim, s)));
        if (user.MustChangePassword)
        {
            claims.Add(new Claim(MustChangeClaim, "1"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Creates an account; returns the problems by field (nothing stored when there are any).</summary>
    public Dictionary<string, string> TryCreate(string? name, string? role, string? password, bool mustChange, string? payoutAccount, IReadOnlyList<string> siteIds, IReadOnlyCollection<string> knownSites)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            problems["Name"] = "Use 1–64 letters, digits, '-', '_' or '.'.";
        }

        if (role is null || !Roles.All.Contains(role))
        {
            problems["Role"] = $"Choose one of: {string.Join(", ", Roles.All)}.";
        }

        if (password is null || password.Length < MinPasswordLength)
        {
            problems["Password"] = $"Use at least {MinPasswordLength} characters.";
        }

        if (siteIds.FirstOrDefault(s => !knownSites.Contains(s)) is { } unknown)
        {
            problems["Sites"] = $"Unknown site '{unknown}'.";
        }
        else if (role == Roles.Manager && siteIds.Count == 0)
        {
            problems["Sites"] = "A building manager needs at least one site.";
        }

        if (role == Roles.Host && string.IsNullOrEmpty(payoutAccount))
        {
            problems["PayoutAccount"] = "A host needs the 0x address their earnings are paid to.";
        }
        else if (payoutAccount is { Length: > 0 } && !(payoutAccount.Length == 42 && payoutAccount.StartsWith("0x", StringComparison.Ordinal) && payoutAccount[2..].All(char.IsAsciiHexDigit)))
        {
            problems["PayoutAccount"] = "Give a 0x address of 40 hex digits, or leave it empty.";
        }

        if (problems.Count == 0 && !store.TryAdd(name!, role!, _hasher.HashPassword(null!, password!), mustChange, payoutAccount is { Length: > 0 } ? payoutAccount : null, siteIds, out _))
        {
            problems["Name"] = $"The name '{name}' is taken.";
        }

        return problems;
    }

    public void ChangePassword(long userId, string password) => store.SetPassword(userId, _hasher.HashPassword(null!, password), mustChange: false);

    /// <summary>A new API key for the account: returned once, stored only as a hash.</summary>
    public string CreateApiKey(long userId)
    {
        var key = ApiKeys.Create();
        store.AddApiKey(userId, ApiKeys.Lookup(key), ApiKeys.Hash(key), time.GetUtcNow());
        return key;
    }

    public UserAccount? FindByApiKey(string key)
    {
        if (!ApiKeys.LooksValid(key) || store.FindApiKey(ApiKeys.Lookup(key)) is not { } row || !ApiKeys.Matches(key, row.Hash))
        {
            return null;
        }

        return store.FindById(row.UserId);
    }

    /// <summary>A password for a generated account: 20 characters from an alphabet without look-alikes.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
