namespace GreenCompute.Core.Planning;

/// <summary>A decision's reason: a code for machines and a sentence a building manager can read.</summary>
public sealed record Reason(ReasonCode Code, string Text)
{
    public override string ToString() => Text;
}
