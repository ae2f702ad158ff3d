namespace GreenCompute.Grains.Messaging;

/// <summary>A payload turned into a grain message, or the reason it was refused.</summary>
public readonly record struct Validated<T>(T? Value, PayloadRejection? Rejection)
    where T : class
{
    public bool IsValid => Rejection is null;

    public static Validated<T> Ok(T value) => new(value, null);

    public static Validated<T> Fail(string code, string message) => new(null, new PayloadRejection(code, message));
}
