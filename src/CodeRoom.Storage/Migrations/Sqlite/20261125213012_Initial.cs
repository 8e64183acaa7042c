using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeRoom.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    interview_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attempts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "problems",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    difficulty = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    statement_md = table.Column<string>(type: "TEXT", nullable: false),
                    constraints_md = table.Column<string>(type: "TEXT", nullable: false),
                    topics_json = table.Column<string>(type: "TEXT", nullable: false),
                    signature_json = table.Column<string>(type: "TEXT", nullable: false),
                    compare_json = table.Column<string>(type: "TEXT", nullable: false),
                    time_limit_ms = table.Column<int>(type: "INTEGER", nullable: false),
                    memory_limit_mb = table.Column<int>(type: "INTEGER", nullable: false),
                    reference_solutions_json = table.Column<string>(type: "TEXT", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_problems", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "code_drafts",
                columns: table => new
                {
                    attempt_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    problem_id = table.Column<int>(type: "INTEGER", nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    code_text = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_code_drafts", x => new { x.attempt_id, x.problem_id, x.language });
                    table.ForeignKey(
                        name: "FK_code_drafts_attempts_attempt_id",
                        column: x => x.attempt_id,
                        principalTable: "attempts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_code_drafts_problems_problem_id",
                        column: x => x.problem_id,
                        principalTable: "problems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "submissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    attempt_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    problem_id = table.Column<int>(type: "INTEGER", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    code_text = table.Column<string>(type: "TEXT", nullable: false),
                    mode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    verdict = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    custom_inputs_json = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: true),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    summary_json = table.Column<string>(type: "TEXT", nullable: true),
                    results_json = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_submissions", x => x.id);
                    table.ForeignKey(
                        name: "FK_submissions_attempts_attempt_id",
                        column: x => x.attempt_id,
                        principalTable: "attempts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_submissions_problems_problem_id",
                        column: x => x.problem_id,
                        principalTable: "problems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tests",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    problem_id = table.Column<int>(type: "INTEGER", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    visibility = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    input_json = table.Column<string>(type: "TEXT", nullable: false),
                    expected_json = table.Column<string>(type: "TEXT", nullable: true),
                    tolerance_json = table.Column<string>(type: "TEXT", nullable: true),
                    timeout_ms = table.Column<int>(type: "INTEGER", nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tests", x => x.id);
                    table.ForeignKey(
                        name: "FK_tests_problems_problem_id",
                        column: x => x.problem_id,
                        principalTable: "problems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "run_logs",
                columns: table => new
                {
                    submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    compile_ok = table.Column<bool>(type: "INTEGER", nullable: true),
                    compile_output = table.Column<string>(type: "TEXT", nullable: true),
                    compile_ms = table.Column<double>(type: "REAL", nullable: true),
                    runtime_errors = table.Column<int>(type: "INTEGER", nullable: false),
                    timeouts = table.Column<int>(type: "INTEGER", nullable: false),
                    peak_memory_kb = table.Column<long>(type: "INTEGER", nullable: false),
                    cpu_ms = table.Column<double>(type: "REAL", nullable: false),
                    wall_ms = table.Column<double>(type: "REAL", nullable: false),
                    tests_json = table.Column<string>(type: "TEXT", nullable: false),
                    internal_message = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_run_logs", x => x.submission_id);
                    table.ForeignKey(
                        name: "FK_run_logs_submissions_submission_id",
                        column: x => x.submission_id,
                        principalTable: "submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_attempts_user_id",
                table: "attempts",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "IX_code_drafts_problem_id",
                table: "code_drafts",
                column: "problem_id");

            migrationBuilder.CreateIndex(
                name: "IX_problems_slug",
                table: "problems",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_submissions_attempt_id_created_at",
                table: "submissions",
                columns: new[] { "attempt_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_problem_id",
                table: "submissions",
                column: "problem_id");

            migrationBuilder.CreateIndex(
                name: "IX_submissions_status",
                table: "submissions",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_tests_problem_id_ordinal",
                table: "tests",
                columns: new[] { "problem_id", "ordinal" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "code_drafts");

            migrationBuilder.DropTable(
                name: "run_logs");

            migrationBuilder.DropTable(
                name: "tests");

            migrationBuilder.DropTable(
                name: "submissions");

            migrationBuilder.DropTable(
                name: "attempts");

            migrationBuilder.DropTable(
                name: "problems");
        }
    }
}
