namespace GreenCompute.Silo.Configuration;

/// <summary>A setting is wrong: the message names the setting and the fix. Start-up stops.</summary>
internal sealed class ConfigurationException(string setting, string problem, string fix)
    : Exception($"Setting '{setting}': {problem} Fix: {fix}")
{
    public string Setting { get; } = setting;
}
