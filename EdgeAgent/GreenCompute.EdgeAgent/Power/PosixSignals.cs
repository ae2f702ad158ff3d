using System.Runtime.InteropServices;

namespace GreenCompute.EdgeAgent.Power;

/// <summary>kill(2) for SIGSTOP / SIGCONT (Linux numbers) and chown(2) for sandbox folders.</summary>
internal static partial class PosixSignals
{
    public const int SigStop = 19;
    public const int SigCont = 18;

    /// <summary>Sends <paramref name="signal"/>; false when the process is gone.</summary>
    public static bool Send(int processId, int signal) => Kill(processId, signal) == 0;

    public static bool Chown(string path, int uid, int gid) => ChownNative(path, uid, gid) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ChownNative(string path, int uid, int gid);
}
