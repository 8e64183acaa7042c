using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeRoom.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RunStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_submissions_problem_id",
                table: "submissions");

            migrationBuilder.CreateTable(
                name: "run_stats_hourly",
                columns: table => new
                {
                    hour_start = table.Column<long>(type: "INTEGER", nullable: false),
                    problem_id = table.Column<int>(type: "INTEGER", nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    mode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    total = table.Column<long>(type: "INTEGER", nullable: false),
                    accepted = table.Column<long>(type: "INTEGER", nullable: false),
                    wrong_answer = table.Column<long>(type: "INTEGER", nullable: false),
                    time_limit_exceeded = table.Column<long>(type: "INTEGER", nullable: false),
                    memory_limit_exceeded = table.Column<long>(type: "INTEGER", nullable: false),
                    runtime_error = table.Column<long>(type: "INTEGER", nullable: false),
                    compilation_error = table.Column<long>(type: "INTEGER", nullable: false),
                    output_limit_exceeded = table.Column<long>(type: "INTEGER", nullable: false),
                    internal_error = table.Column<long>(type: "INTEGER", nullable: false),
                    failed = table.Column<long>(type: "INTEGER", nullable: false),
                    cpu_ms_sum = table.Column<double>(type: "REAL", nullable: false),
                    queue_wait_ms_sum = table.Column<double>(type: "REAL", nullable: false),
                    queue_wait_count = table.Column<long>(type: "INTEGER", nullable: false),
                    rt0 = table.Column<long>(type: "INTEGER", nullable: false),
                    rt1 = table.Column<long>(type: "INTEGER", nullable: false),
                    rt2 = table.Column<long>(type: "INTEGER", nullable: false),
                    rt3 = table.Column<long>(type: "INTEGER", nullable: false),
                    rt4 = table.Column<long>(type: "INTEGER", nullable: false),
                    rt5 = table.Column<long>(type: "INTEGER", nullable: false),
                    rt6 = table.Column<long>(type: "INTEGER", nullable: false),
                    rt7 = table.Column<long>(type: "INTEGER", nullable: false),
                    rt8 = table.Column<long>(type: "INTEGER", nullable: false),
                    rt9 = table.Column<long>(type: "INTEGER", nullable: false),
                    rt10 = table.Column<long>(type: "INTEGER", nullable: false),
                    rt11 = table.Column<long>(type: "INTEGER", nullable: false),
                    rt12 = table.Column<long>(type: "INTEGER", nullable: false),
                    rt13 = table.Column<long>(type: "INTEGER", nullable: false),
                    qw0 = table.Column<long>(type: "INTEGER", nullable: false),
                    qw1 = table.Column<long>(type: "INTEGER", nullable: false),
                    qw2 = table.Column<long>(type: "INTEGER", nullable: false),
                    qw3 = table.Column<long>(type: "INTEGER", nullable: false),
                    qw4 = table.Column<long>(type: "INTEGER", nullable: false),
                    qw5 = table.Column<long>(type: "INTEGER", nullable: false),
                    qw6 = table.Column<long>(type: "INTEGER", nullable: false),
                    qw7 = table.Column<long>(type: "INTEGER", nullable: false),
                    qw8 = table.Column<long>(type: "INTEGER", nullable: false),
                    qw9 = table.Column<long>(type: "INTEGER", nullable: false),
                    qw10 = table.Column<long>(type: "INTEGER", nullable: false),
                    qw11 = table.Column<long>(type: "INTEGER", nullable: false),
                    qw12 = table.Column<long>(type: "INTEGER", nullable: false),
                    qw13 = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_run_stats_hourly", x => new { x.hour_start, x.problem_id, x.language, x.mode });
                });

            migrationBuilder.CreateTable(
                name: "runner_heartbeats",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    slots = table.Column<int>(type: "INTEGER", nullable: false),
                    busy = table.Column<int>(type: "INTEGER", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_seen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runner_heartbeats", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_created_at_id",
                table: "submissions",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_language_created_at",
                table: "submissions",
                columns: new[] { "language", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_problem_id_created_at",
                table: "submissions",
                columns: new[] { "problem_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_user_id_created_at",
                table: "submissions",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_verdict_created_at",
                table: "submissions",
                columns: new[] { "verdict", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_run_logs_created_at",
                table: "run_logs",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "IX_run_stats_hourly_problem_id_hour_start",
                table: "run_stats_hourly",
                columns: new[] { "problem_id", "hour_start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "run_stats_hourly");

            migrationBuilder.DropTable(
                name: "runner_heartbeats");

            migrationBuilder.DropIndex(
                name: "IX_submissions_created_at_id",
                table: "submissions");

            migrationBuilder.DropIndex(
                name: "IX_submissions_language_created_at",
                table: "submissions");

            migrationBuilder.DropIndex(
                name: "IX_submissions_problem_id_created_at",
                table: "submissions");

            migrationBuilder.DropIndex(
                name: "IX_submissions_user_id_created_at",
                table: "submissions");

            migrationBuilder.DropIndex(
                name: "IX_submissions_verdict_created_at",
                table: "submissions");

            migrationBuilder.DropIndex(
                name: "IX_run_logs_created_at",
                table: "run_logs");

            migrationBuilder.CreateIndex(
                name: "IX_submissions_problem_id",
                table: "submissions",
                column: "problem_id");
        }
    }
}
