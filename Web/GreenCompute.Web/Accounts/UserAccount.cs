using System.Collections.Immutable;

namespace GreenCompute.Web.Accounts;

/// <summary>
/// One account. <see cref="SiteIds"/> scopes a building manager (and a host: the sites whose heaters they own);
/// <see cref="PayoutAccount"/> is a host's 0x address in the ledger's payout tree.
/// </summary>
internal sealed record UserAccount(
    long Id,
    string Name,
    string Role,
    string PasswordHash,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    bool MustChangePassword,
    string? PayoutAccount,
    ImmutableArray<string> SiteIds);
