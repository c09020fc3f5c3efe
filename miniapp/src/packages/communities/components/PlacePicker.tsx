import { DEFAULT_CITY_NAMES, streetsOf } from "@civic/shared";
import { View } from "@tarojs/components";
import { CITY_DISTRICTS } from "../../../city/districts";
import { Chip } from "../../../components/Chip";

export interface Place {
  /** The district's official name, as communities store it. */
  district?: string;
  street?: string;
}

/** District chips, then the chosen district's street chips (全部 clears). */
export function PlacePicker(props: { value: Place; onChange: (p: Place) => void; streets?: boolean }) {
  const district = CITY_DISTRICTS.find((d) => d.officialName === props.value.district);
  return (
    <View className="place-picker">
      <View className="chips place-picker__districts">
        <Chip label="全市" className="place-district place-all" active={!district} onTap={() => props.onChange({})} />
        {CITY_DISTRICTS.map((d) => (
          <Chip
            key={d.id}
            label={d.name}
            className={`place-district district-${d.id}`}
            active={district?.id === d.id}
            onTap={() => props.onChange({ district: d.officialName })}
          />
        ))}
      </View>
      {district && props.streets !== false ? (
        <View className="chips place-picker__streets">
          <Chip
            label="全部街道"
            className="place-street place-street-all"
            active={!props.value.street}
            onTap={() => props.onChange({ district: district.officialName })}
          />
          {streetsOf(DEFAULT_CITY_NAMES, district.code).map((s) => (
            <Chip
              key={s.name}
              label={s.name}
              className="place-street"
              active={props.value.street === s.name}
              onTap={() => props.onChange({ district: district.officialName, street: s.name })}
            />
          ))}
        </View>
      ) : null}
    </View>
  );
}
