using GreenCompute.Core.Ledger;

namespace GreenCompute.Grains.Messaging;

/// <summary>A validated <see cref="ReceiptPayload"/>: exactly one of <see cref="Reading"/> and <see cref="Completion"/>.</summary>
public sealed record SignedReceipt(SignedMeterReading? Reading, SignedTaskCompletion? Completion);
