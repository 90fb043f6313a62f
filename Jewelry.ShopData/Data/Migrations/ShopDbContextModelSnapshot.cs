using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Jewelry.ShopData.Data.Migrations;

// The model as of the latest migration. EF Core compares it with the live model at Migrate() and
// refuses to run when they differ; update it together with each new migration.
[DbContext(typeof(ShopDbContext))]
public sealed class ShopDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder
            .HasAnnotation("ProductVersion", "10.0.0")
            .HasAnnotation("Relational:MaxIdentifierLength", 63);

        NpgsqlModelBuilderExtensions.UseIdentityByDefaultColumns(modelBuilder);

        modelBuilder.Entity("Jewelry.Messaging.Inbox.InboxMessage", b =>
        {
            b.Property<string>("MessageId").HasMaxLength(100).HasColumnType("character varying(100)").HasColumnName("message_id");
            b.Property<string>("Consumer").HasMaxLength(200).HasColumnType("character varying(200)").HasColumnName("consumer");
            b.Property<string>("MessageType").IsRequired().HasMaxLength(200).HasColumnType("character varying(200)").HasColumnName("message_type");
            b.Property<Guid?>("OrderId").HasColumnType("uuid").HasColumnName("order_id");
            b.Property<DateTimeOffset>("ProcessedAt").HasColumnType("timestamp with time zone").HasColumnName("processed_at");

            b.HasKey("MessageId", "Consumer").HasName("pk_inbox_messages");
            b.ToTable("inbox_messages");
        });

        modelBuilder.Entity("Jewelry.Messaging.Outbox.OutboxMessage", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedOnAdd().HasColumnType("uuid").HasColumnName("id");
            b.Property<string>("MessageType").IsRequired().HasMaxLength(200).HasColumnType("character varying(200)").HasColumnName("message_type");
            b.Property<string>("RoutingKey").IsRequired().HasMaxLength(200).HasColumnType("character varying(200)").HasColumnName("routing_key");
            b.Property<string>("Payload").IsRequired().HasColumnType("jsonb").HasColumnName("payload");
            b.Property<Guid?>("OrderId").HasColumnType("uuid").HasColumnName("order_id");
            b.Property<string>("TraceParent").HasMaxLength(128).HasColumnType("character varying(128)").HasColumnName("trace_parent");
            b.Property<string>("TraceState").HasMaxLength(512).HasColumnType("character varying(512)").HasColumnName("trace_state");
            b.Property<string>("Baggage").HasMaxLength(2048).HasColumnType("character varying(2048)").HasColumnName("baggage");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnType("timestamp with time zone").HasColumnName("created_at");
            b.Property<DateTimeOffset?>("SentAt").HasColumnType("timestamp with time zone").HasColumnName("sent_at");
            b.Property<int>("Attempts").HasColumnType("integer").HasColumnName("attempts");
            b.Property<string>("LastError").HasColumnType("text").HasColumnName("last_error");

            b.HasKey("Id").HasName("pk_outbox_messages");
            b.HasIndex("CreatedAt").HasDatabaseName("ix_outbox_messages_created_at").HasFilter("sent_at IS NULL");
            b.ToTable("outbox_messages");
        });

        modelBuilder.Entity("Jewelry.ShopData.Domain.Order", b =>
        {
            b.Property<Guid>("Id").HasColumnType("uuid").HasColumnName("id");
            b.Property<string>("CustomerId").IsRequired().HasColumnType("text").HasColumnName("customer_id");
            b.Property<string>("ProductType").IsRequired().HasColumnType("text").HasColumnName("product_type");
            b.Property<string>("Material").IsRequired().HasColumnType("text").HasColumnName("material");
            b.Property<string>("Size").HasColumnType("text").HasColumnName("size");
            b.Property<string>("Notes").HasColumnType("text").HasColumnName("notes");
            b.Property<string>("Status").IsRequired().HasColumnType("text").HasColumnName("status");
            b.Property<decimal?>("Price").HasPrecision(12, 2).HasColumnType("numeric(12,2)").HasColumnName("price");
            b.Property<string>("Currency").HasMaxLength(3).HasColumnType("character varying(3)").HasColumnName("currency");
            b.Property<string>("FailureReason").HasColumnType("text").HasColumnName("failure_reason");
            b.Property<DateTimeOffset?>("LastFailureAt").HasColumnType("timestamp with time zone").HasColumnName("last_failure_at");
            b.Property<string>("ModelObjectKey").HasColumnType("text").HasColumnName("model_object_key");
            b.Property<long?>("ModelSizeBytes").HasColumnType("bigint").HasColumnName("model_size_bytes");
            b.Property<string>("ModelFileName").HasColumnType("text").HasColumnName("model_file_name");
            b.Property<DateTimeOffset?>("PriceRequestedAt").HasColumnType("timestamp with time zone").HasColumnName("price_requested_at");
            b.Property<string>("TrackingNumber").HasColumnType("text").HasColumnName("tracking_number");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnType("timestamp with time zone").HasColumnName("created_at");
            b.Property<DateTimeOffset>("UpdatedAt").HasColumnType("timestamp with time zone").HasColumnName("updated_at");
            b.Property<DateTimeOffset>("StatusChangedAt").HasColumnType("timestamp with time zone").HasColumnName("status_changed_at");
            b.Property<uint>("Version").IsConcurrencyToken().ValueGeneratedOnAddOrUpdate().HasColumnType("xid").HasColumnName("xmin");

            b.HasKey("Id").HasName("pk_orders");
            b.HasIndex("CustomerId").HasDatabaseName("ix_orders_customer_id");
            b.HasIndex("Status", "StatusChangedAt").HasDatabaseName("ix_orders_status_status_changed_at");
            b.ToTable("orders");
        });

        modelBuilder.Entity("Jewelry.ShopData.Domain.OrderStatusChange", b =>
        {
            b.Property<long>("Id").ValueGeneratedOnAdd().HasColumnType("bigint").HasColumnName("id");
            NpgsqlPropertyBuilderExtensions.UseIdentityByDefaultColumn(b.Property<long>("Id"));
            b.Property<Guid>("OrderId").HasColumnType("uuid").HasColumnName("order_id");
            b.Property<string>("FromStatus").HasColumnType("text").HasColumnName("from_status");
            b.Property<string>("ToStatus").IsRequired().HasColumnType("text").HasColumnName("to_status");
            b.Property<DateTimeOffset>("ChangedAt").HasColumnType("timestamp with time zone").HasColumnName("changed_at");
            b.Property<string>("Source").IsRequired().HasColumnType("text").HasColumnName("source");
            b.Property<string>("ActorId").HasColumnType("text").HasColumnName("actor_id");

            b.HasKey("Id").HasName("pk_order_status_history");
            b.HasIndex("OrderId", "ChangedAt").HasDatabaseName("ix_order_status_history_order_id_changed_at");
            b.ToTable("order_status_history");
        });

        modelBuilder.Entity("Jewelry.ShopData.Domain.OrderStatusChange", b =>
            b.HasOne("Jewelry.ShopData.Domain.Order", null)
                .WithMany("StatusHistory")
                .HasForeignKey("OrderId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired()
                .HasConstraintName("fk_order_status_history_orders_order_id"));

        modelBuilder.Entity("Jewelry.ShopData.Domain.Order", b => b.Navigation("StatusHistory"));
    }
}
