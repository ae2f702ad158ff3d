namespace GreenCompute.Core.Ledger;

/// <summary>A <see cref="TaskCompletion"/> with the device's 65-byte r ‖ s ‖ v EIP-712 signature as 0x-hex.</summary>
public sealed record SignedTaskCompletion(TaskCompletion Completion, string Signature);
