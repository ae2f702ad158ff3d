using GreenCompute.EdgeAgent.State;
using Microsoft.Data.Sqlite;

namespace GreenCompute.EdgeAgent.Tasks;

/// <summary>The tasks the agent holds, in its SQLite file: plan, state and work done at the last checkpoint.</summary>
internal sealed class TaskTable(AgentDatabase database)
{
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public void Upsert(TaskPlan plan, string state, double done)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO tasks(task_id, job_id, workload, core_seconds, cores, checkpoint_seconds, folder, input_hash, state, done_core_seconds)
            VALUES($id, $job, $w, $cs, $cores, $cp, $folder, $input, $state, $done)
            ON CONFLICT(task_id) DO UPDATE SET state = excluded.state, done_core_seconds = excluded.done_core_seconds
            """;
        command.Parameters.AddWithValue("$id", plan.TaskId);
        command.Parameters.AddWithValue("$job", plan.JobId);
        command.Parameters.AddWithValue("$w", plan.Workload);
        command.Parameters.AddWithValue("$cs", plan.TotalCoreSeconds);
        command.Parameters.AddWithValue("$cores", plan.Cores);
        command.Parameters.AddWithValue("$cp", plan.CheckpointInterval.TotalSeconds);
        command.Parameters.AddWithValue("$folder", plan.Folder);
        command.Parameters.AddWithValue("$input", (object?)plan.InputHash ?? DBNull.Value);
        command.Parameters.AddWithValue("$state", state);
        command.Parameters.AddWithValue("$done", done);
        command.ExecuteNonQuery();
    }

    public void SetState(string taskId, string state, double done)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE tasks SET state = $state, done_core_seconds = $done WHERE task_id = $id";
        command.Parameters.AddWithValue("$id", taskId);
        command.Parameters.AddWithValue("$state", state);
        command.Parameters.AddWithValue("$done", done);
        command.ExecuteNonQuery();
    }

    public TaskRow? Find(string taskId) => Query("WHERE task_id = $p", taskId).FirstOrDefault();

    public IReadOnlyList<TaskRow> InState(string state) => Query("WHERE state = $p", state);

    private List<TaskRow> Query(string where, string parameter)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT task_id, job_id, workload, core_seconds, cores, checkpoint_seconds, folder, input_hash, state, done_core_seconds FROM tasks "
            + where + " ORDER BY rowid";
        command.Parameters.AddWithValue("$p", parameter);
        using var reader = command.ExecuteReader();
        var rows = new List<TaskRow>();
        while (reader.Read())
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    private static TaskRow Read(SqliteDataReader r) => new(
        new TaskPlan(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDouble(3), r.GetInt32(4), TimeSpan.FromSeconds(r.GetDouble(5)),
            r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)),
        r.GetString(8),
        r.GetDouble(9));
}

/// <summary>A stored task: its plan, state and the work done at its last checkpoint (core-seconds).</summary>
internal sealed record TaskRow(TaskPlan Plan, string State, double DoneCoreSeconds);
