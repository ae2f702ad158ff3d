using Microsoft.Data.Sqlite;

namespace GreenCompute.Web.Storage;

/// <summary>Parameterised SQLite commands for the web host's own stores (accounts, pairing).</summary>
internal static class SqliteCommands
{
    /// <summary>A command for <paramref name="sql"/> with named parameters; a null value is SQL NULL.</summary>
    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
