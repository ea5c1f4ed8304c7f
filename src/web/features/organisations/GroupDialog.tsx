import { Alert, Form, Input, Modal, Radio, Select, TreeSelect } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { GroupRule, UnitKind } from "../../../contracts/organisations";
import { matches } from "../../../domain/text/vietnamese";
import { canManageUnit } from "../../app/access";
import { showSuccess } from "../../app/notify";
import { useSignedInUser } from "../../app/session";
import { useCreateGroup, useUnits } from "./api";
import { kindOptions, treeLabel } from "./labels";
import { buildTree, treesOf, type UnitNode } from "./tree";

interface Values {
  name: string;
  description?: string;
  mode: "static" | "rule";
  unitIds?: string[];
  kinds?: UnitKind[];
  underUnitId?: string;
  tree?: string;
  levels?: number[];
  ownerUnitId?: string;
}

interface Option {
  value: string;
  title: string;
  children: Option[];
}
const toOptions = (nodes: UnitNode[]): Option[] =>
  nodes.map((n) => ({ value: n.key, title: n.unit.name, children: toOptions(n.children) }));

export function GroupDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch("mode", form) ?? "static";
  const create = useCreateGroup();
  const units = useUnits().data?.units ?? [];
  const unitOptions = useMemo(() => treesOf(units).flatMap((tree) => toOptions(buildTree(units, tree))), [units]);
  const owners = units.filter((u) => canManageUnit(me, u.path)).map((u) => ({ value: u.id, label: u.name }));
  const close = () => {
    form.resetFields();
    create.reset();
    onClose();
  };
  const submit = (v: Values) => {
    const rule: GroupRule = {
      ...(v.kinds?.length ? { kinds: v.kinds } : {}),
      ...(v.underUnitId ? { underUnitId: v.underUnitId } : {}),
      ...(v.tree ? { tree: v.tree } : {}),
      ...(v.levels?.length ? { levels: v.levels } : {}),
    };
    create.mutate(
      {
        name: v.name,
        description: v.description?.trim() || null,
        mode: v.mode,
        ...(v.mode === "rule" ? { rule } : { unitIds: v.unitIds ?? [] }),
        ownerUnitId: v.ownerUnitId ?? null,
      },
      {
        onSuccess: () => {
          showSuccess(t("groups.created"));
          close();
        },
        onError: () => undefined,
      },
    );
  };
  const filter = (input: string, node: { title?: unknown }) => matches(String(node.title ?? ""), input);
  return (
    <Modal
      open={open}
      width={640}
      title={t("groups.create")}
      okText={t("common.create")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending}
      onCancel={close}
      onOk={() => form.submit()}
      forceRender
    >
      {create.error && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ mode: "static", ownerUnitId: me.isAdmin ? undefined : me.unitId }}
        onFinish={submit}
      >
        <Form.Item name="name" label={t("groups.name")} rules={[{ required: true, whitespace: true, message: t("groups.nameRequired") }]}>
          <Input maxLength={200} data-testid="group-name" />
        </Form.Item>
        <Form.Item name="description" label={t("groups.description")}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="ownerUnitId"
          label={t("groups.owner")}
          extra={me.isAdmin ? t("groups.ownerHelpAdmin") : undefined}
          rules={[{ required: !me.isAdmin, message: t("groups.ownerRequired") }]}
        >
          <Select
            allowClear
            options={owners}
            showSearch={{ filterOption: (input, option) => matches(String(option?.label ?? ""), input) }}
          />
        </Form.Item>
        <Form.Item name="mode" label={t("groups.mode")}>
          <Radio.Group
            optionType="button"
            options={[
              { value: "static", label: t("groups.modes.static") },
              { value: "rule", label: t("groups.modes.rule") },
            ]}
          />
        </Form.Item>
        {mode === "static" ? (
          <Form.Item name="unitIds" label={t("groups.units")} rules={[{ required: true, message: t("groups.unitsRequired") }]}>
            <TreeSelect
              treeData={unitOptions}
              treeCheckable
              treeCheckStrictly={false}
              showCheckedStrategy={TreeSelect.SHOW_ALL}
              showSearch
              filterTreeNode={filter}
              maxTagCount={8}
              style={{ width: "100%" }}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="kinds" label={t("groups.ruleKinds")}>
              <Select mode="multiple" options={kindOptions(t)} />
            </Form.Item>
            <Form.Item name="underUnitId" label={t("groups.ruleUnder")}>
              <TreeSelect treeData={unitOptions} allowClear showSearch filterTreeNode={filter} style={{ width: "100%" }} />
            </Form.Item>
            <Form.Item name="tree" label={t("groups.ruleTree")}>
              <Select allowClear options={treesOf(units).map((tree) => ({ value: tree, label: treeLabel(tree, t) }))} />
            </Form.Item>
            <Form.Item name="levels" label={t("groups.ruleLevels")} extra={t("groups.ruleLevelsHelp")}>
              <Select mode="multiple" options={[0, 1, 2, 3, 4, 5].map((level) => ({ value: level, label: String(level) }))} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
