namespace GreenCompute.Mqtt.Tests.Conformance.Replay;

internal enum ReplayStepKind
{
    Accept,
    Expect,
    Send,
    Close,
    Sleep,
}
