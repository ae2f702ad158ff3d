using GreenCompute.Grains.Nodes;

namespace GreenCompute.Web.Fleet;

/// <summary>One page of the fleet table: its rows, how many nodes matched in all, and how many pages they fill.</summary>
internal sealed record FleetPage(IReadOnlyList<NodeSnapshot> Rows, int Total, int Pages);
