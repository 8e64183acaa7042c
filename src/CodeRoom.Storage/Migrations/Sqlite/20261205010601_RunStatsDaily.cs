using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeRoom.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RunStatsDaily : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "run_stats_daily",
                columns: table => new
                {
                    problem_id = table.Column<int>(type: "INTEGER", nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    mode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    day_start = table.Column<long>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_run_stats_daily", x => new { x.day_start, x.problem_id, x.language, x.mode });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "run_stats_daily");
        }
    }
}
