// The agent is a Linux program and so are its tests (sysfs, signals, cgroups, util-linux).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
