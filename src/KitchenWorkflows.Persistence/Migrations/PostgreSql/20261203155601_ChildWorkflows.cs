using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KitchenWorkflows.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ChildWorkflows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ParentId",
                table: "WorkflowInstances",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActivityTypeName",
                table: "WorkflowDefinitions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_ParentId",
                table: "WorkflowInstances",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitions_ActivityTypeName",
                table: "WorkflowDefinitions",
                column: "ActivityTypeName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_ParentId",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowDefinitions_ActivityTypeName",
                table: "WorkflowDefinitions");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "WorkflowInstances");

            migrationBuilder.DropColumn(
                name: "ActivityTypeName",
                table: "WorkflowDefinitions");
        }
    }
}
