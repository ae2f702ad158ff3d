namespace GreenCompute.Web.Accounts;

/// <summary>What a sign-in attempt came to. Unknown names and wrong passwords look the same to the caller.</summary>
internal enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}
