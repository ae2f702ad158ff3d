namespace GreenCompute.Web.Accounts;

/// <summary>The five roles (one per account). Role names are claim values and appear in URLs of the admin page.</summary>
internal static class Roles
{
    public const string Operator = "operator";
    public const string Manager = "manager";
    public const string Customer = "customer";
    public const string Installer = "installer";
    public const string Host = "host";

    public static readonly IReadOnlyList<string> All = [Operator, Manager, Customer, Installer, Host];

    public static string Describe(string role) => role switch
    {
        Operator => "operator",
        Manager => "building manager",
        Customer => "HPC customer",
        Installer => "installer",
        Host => "host",
        _ => role,
    };
}
