namespace GreenCompute.Web.Tests.Fixtures;

/// <summary>The web host with its simulated agents calling the grains directly (<c>--in-process</c>); paired devices still use its broker.</summary>
public sealed class InProcessAgentsWebApp : WebApp
{
    protected override IReadOnlyList<string> ExtraArguments => ["--in-process"];
}
