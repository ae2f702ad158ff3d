namespace GreenCompute.Core.Work;

/// <summary>One reason a job spec was rejected: the field at fault and a sentence the customer can act on.</summary>
public sealed record JobProblem(string Field, string Text)
{
    public override string ToString() => $"{Field}: {Text}";
}
