using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeRoom.Storage.Migrations.Postgres
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
                    problem_id = table.Column<int>(type: "integer", nullable: false),
                    language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    mode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    day_start = table.Column<long>(type: "bigint", nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: false),
                    accepted = table.Column<long>(type: "bigint", nullable: false),
                    wrong_answer = table.Column<long>(type: "bigint", nullable: false),
                    time_limit_exceeded = table.Column<long>(type: "bigint", nullable: false),
                    memory_limit_exceeded = table.Column<long>(type: "bigint", nullable: false),
                    runtime_error = table.Column<long>(type: "bigint", nullable: false),
                    compilation_error = table.Column<long>(type: "bigint", nullable: false),
                    output_limit_exceeded = table.Column<long>(type: "bigint", nullable: false),
                    internal_error = table.Column<long>(type: "bigint", nullable: false),
                    failed = table.Column<long>(type: "bigint", nullable: false),
                    cpu_ms_sum = table.Column<double>(type: "double precision", nullable: false),
                    queue_wait_ms_sum = table.Column<double>(type: "double precision", nullable: false),
                    queue_wait_count = table.Column<long>(type: "bigint", nullable: false),
                    rt0 = table.Column<long>(type: "bigint", nullable: false),
                    rt1 = table.Column<long>(type: "bigint", nullable: false),
                    rt2 = table.Column<long>(type: "bigint", nullable: false),
                    rt3 = table.Column<long>(type: "bigint", nullable: false),
                    rt4 = table.Column<long>(type: "bigint", nullable: false),
                    rt5 = table.Column<long>(type: "bigint", nullable: false),
                    rt6 = table.Column<long>(type: "bigint", nullable: false),
                    rt7 = table.Column<long>(type: "bigint", nullable: false),
                    rt8 = table.Column<long>(type: "bigint", nullable: false),
                    rt9 = table.Column<long>(type: "bigint", nullable: false),
                    rt10 = table.Column<long>(type: "bigint", nullable: false),
                    rt11 = table.Column<long>(type: "bigint", nullable: false),
                    rt12 = table.Column<long>(type: "bigint", nullable: false),
                    rt13 = table.Column<long>(type: "bigint", nullable: false),
                    qw0 = table.Column<long>(type: "bigint", nullable: false),
                    qw1 = table.Column<long>(type: "bigint", nullable: false),
                    qw2 = table.Column<long>(type: "bigint", nullable: false),
                    qw3 = table.Column<long>(type: "bigint", nullable: false),
                    qw4 = table.Column<long>(type: "bigint", nullable: false),
                    qw5 = table.Column<long>(type: "bigint", nullable: false),
                    qw6 = table.Column<long>(type: "bigint", nullable: false),
                    qw7 = table.Column<long>(type: "bigint", nullable: false),
                    qw8 = table.Column<long>(type: "bigint", nullable: false),
                    qw9 = table.Column<long>(type: "bigint", nullable: false),
                    qw10 = table.Column<long>(type: "bigint", nullable: false),
                    qw11 = table.Column<long>(type: "bigint", nullable: false),
                    qw12 = table.Column<long>(type: "bigint", nullable: false),
                    qw13 = table.Column<long>(type: "bigint", nullable: false)
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
