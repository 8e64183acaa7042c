using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CodeRoom.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProblemRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "problem_revisions",
                columns: table => new
                {
                    problem_id = table.Column<int>(type: "integer", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    definition_json = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_problem_revisions", x => new { x.problem_id, x.revision });
                    table.ForeignKey(
                        name: "FK_problem_revisions_problems_problem_id",
                        column: x => x.problem_id,
                        principalTable: "problems",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "problem_revisions");
        }
    }
}
